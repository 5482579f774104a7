using SyncHub.Adapters;

namespace SyncHub.Host.Plugins;

/// <summary>A plugin loaded in its own context, with the adapter modules found in it and anything worth a warning.</summary>
internal sealed record LoadedPlugin(
    string Name,
    string AssemblyName,
    string Version,
    Version SdkVersion,
    string Directory,
    IReadOnlyList<IAdapterModule> Modules,
    IReadOnlyList<string> Warnings);
