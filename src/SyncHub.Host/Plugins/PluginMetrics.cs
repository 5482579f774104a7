using System.Diagnostics.Metrics;
using SyncHub.Diagnostics;

namespace SyncHub.Host.Plugins;

/// <summary>
/// <c>synchub.plugins</c>: one series per loaded plugin (tags <c>plugin</c>, <c>version</c>, <c>sdk</c>), value 1, so a
/// dashboard shows which plugin versions each instance runs. A plugin's records carry its adapter name as <c>source</c>.
/// </summary>
internal sealed class PluginMetrics : IHostedService
{
    public PluginMetrics(SyncHubMetrics metrics, PluginCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        metrics.Meter.CreateObservableGauge(
            "synchub.plugins",
            () => catalog.Plugins.Select(p => new Measurement<long>(
                1,
                new KeyValuePair<string, object?>("plugin", p.Name),
                new KeyValuePair<string, object?>("version", p.Version),
                new KeyValuePair<string, object?>("sdk", p.SdkVersion.ToString(3)))),
            "{plugin}",
            "Loaded adapter plugins, by name, version and the SDK version they were built against.");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
