using SyncHub.Adapters;
using SyncHub.Host.Plugins;

namespace SyncHub.Host.Configuration;

/// <summary>
/// The configured keys under <c>SyncHub:</c> that nothing reads (<see cref="KnownSettings"/>): a warning each when the
/// hub starts, an error each in <c>synchub check-config</c>.
/// </summary>
internal sealed record UnknownSettings(IReadOnlyList<string> Lines)
{
    /// <summary>
    /// Finds them once the adapters are known (built-in <paramref name="modules"/> and the loaded plugins' ones; the
    /// folders in the plugins folder count as adapter names) and registers the result.
    /// </summary>
    public static UnknownSettings Add(WebApplicationBuilder builder, IEnumerable<IAdapterModule> modules)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var folder = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration[$"{PluginOptions.SectionName}:{nameof(PluginOptions.Path)}"] is { Length: > 0 } path ? path : "plugins");
        var folders = Directory.Exists(folder) ? Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>() : [];
        var unknown = new UnknownSettings(new KnownSettings(modules, folders).Unknown(builder.Configuration));
        builder.Services.AddSingleton(unknown);
        return unknown;
    }

    /// <summary>Logs each at Warning, naming the key and the nearest known one.</summary>
    public void Warn(ILogger logger)
    {
        foreach (var line in Lines)
        {
            Log.UnknownSetting(logger, line);
        }
    }
}
