using Microsoft.Extensions.Configuration;

namespace SyncHub.Adapters;

/// <summary>
/// The entry point of an adapter: registers its sources, notifiers, options and HTTP clients.
/// The host calls it only when <c>SyncHub:Adapters:&lt;Name&gt;:Enabled</c> is true.
/// </summary>
public interface IAdapterModule
{
    /// <summary>The configuration key under <c>SyncHub:Adapters</c>.</summary>
    string Name { get; }

    void Register(ISyncHubBuilder hub, IConfigurationSection section);
}
