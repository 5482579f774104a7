using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SyncHub.Adapters.Facebook;

/// <summary>Registers the Facebook page webhook (<c>GET,POST /api/intake/facebook</c>) with validated options. Idempotent.</summary>
public sealed class FacebookModule : IAdapterModule
{
    public string Name => FacebookEventMapper.SourceName;

    public void Register(ISyncHubBuilder hub, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(section);
        hub.AddWebhookSource<FacebookWebhook, FacebookOptions>(section);
        hub.Services.TryAddSingleton(TimeProvider.System);
    }
}
