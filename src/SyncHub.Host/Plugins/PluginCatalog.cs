namespace SyncHub.Host.Plugins;

/// <summary>The plugins this hub loaded and which of their adapters are switched on; read by health and metrics.</summary>
internal sealed class PluginCatalog(IReadOnlyList<LoadedPlugin> plugins, IReadOnlyCollection<string> enabledAdapters)
{
    public IReadOnlyList<LoadedPlugin> Plugins { get; } = plugins;

    /// <summary>The plugin adapters registered (their <c>Enabled</c> key is true).</summary>
    public IReadOnlyList<string> Enabled(LoadedPlugin plugin) =>
        [.. plugin.Modules.Select(m => m.Name).Where(n => enabledAdapters.Contains(n, StringComparer.OrdinalIgnoreCase))];
}
