using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SyncHub.Host.Plugins;

/// <summary>Lists the loaded plugins with their versions on <c>/health/ready</c>; a refused plugin stops the start instead.</summary>
internal sealed class PluginHealthCheck(PluginCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var plugin in catalog.Plugins)
        {
            data[plugin.Name] = new Dictionary<string, object>
            {
                ["version"] = plugin.Version,
                ["sdk"] = plugin.SdkVersion.ToString(3),
                ["assembly"] = plugin.AssemblyName,
                ["adapters"] = plugin.Modules.Select(m => m.Name).ToArray(),
                ["enabled"] = catalog.Enabled(plugin).ToArray(),
            };
        }

        var description = catalog.Plugins.Count == 0
            ? "no plugins loaded"
            : string.Join(", ", catalog.Plugins.Select(p => $"{p.Name} {p.Version}"));
        return Task.FromResult(HealthCheckResult.Healthy(description, data));
    }
}
