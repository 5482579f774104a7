using System.ComponentModel.DataAnnotations;

namespace SyncHub.Host.Plugins;

/// <summary>
/// <c>SyncHub:Plugins</c>: where third-party adapters are and which to load. Each plugin is a folder
/// <c>{Path}/{Name}/</c> holding <c>{Name}.dll</c> (or <c>SyncHub.Adapters.{Name}.dll</c>) and its <c>.deps.json</c>.
/// </summary>
public sealed class PluginOptions
{
    public const string SectionName = "SyncHub:Plugins";

    /// <summary>The plugins folder; relative to the content root (the host's own folder).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "plugins";

    /// <summary>
    /// The plugins to load, by folder name. Empty: every folder <c>{Name}</c> whose <c>SyncHub:Adapters:{Name}:Enabled</c>
    /// is true.
    /// </summary>
    public List<string> Enabled { get; set; } = [];
}
