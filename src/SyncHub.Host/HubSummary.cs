using SyncHub.Host.Configuration;
using SyncHub.Host.Plugins;

namespace SyncHub.Host;

/// <summary>What this build of the hub runs: the store, the adapters switched on (built-in and from plugins), the plugins.</summary>
internal sealed record HubSummary(StoreKind Store, IReadOnlyList<string> Adapters, IReadOnlyList<LoadedPlugin> Plugins);
