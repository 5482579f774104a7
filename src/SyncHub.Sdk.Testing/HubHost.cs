using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Adapters;
using SyncHub.Hosting;
using SyncHub.Pipeline;

namespace SyncHub.Sdk.Testing;

/// <summary>
/// The one place the kit uses the hub's own implementation rather than the adapter contract: the concrete
/// <see cref="ISyncHubBuilder"/> the host registers modules with (it honours <c>Enabled</c> and binds options that
/// are validated at start) and the poller schedule. Everything else in the kit speaks the contract only.
/// </summary>
internal static class HubHost
{
    /// <summary>The configuration section of all adapters; a module's section is <c>SyncHub:Adapters:&lt;Name&gt;</c>.</summary>
    public const string AdaptersSection = SyncHubBuilder.AdaptersSection;

    /// <summary>The builder the host hands to modules.</summary>
    public static ISyncHubBuilder CreateBuilder(IServiceCollection services, IConfiguration configuration) =>
        new SyncHubBuilder(services, configuration);

    /// <summary>Registers <paramref name="module"/> the way the host does: only when its <c>Enabled</c> key is true.</summary>
    public static bool AddModule(ISyncHubBuilder hub, IAdapterModule module) =>
        hub is SyncHubBuilder builder
            ? builder.AddModule(module)
            : throw new ArgumentException($"the builder must come from {nameof(CreateBuilder)}", nameof(hub));

    /// <summary>The names the host's poller schedules (one per polling or account source), in registration order.</summary>
    public static IReadOnlyList<string> ScheduledPollers(IServiceProvider provider) =>
        [.. provider.GetServices<PollingSourceDescriptor>().Select(d => d.Name)];
}
