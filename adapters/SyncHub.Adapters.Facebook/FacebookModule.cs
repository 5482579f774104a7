using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SyncHub.Adapters.Facebook;

/// <summary>
/// Registers the Facebook page webhook (<c>GET,POST /api/intake/facebook</c>) with validated options and, when a
/// <see cref="FacebookOptions.PageAccessToken"/> is configured, the reply notifier with its Graph API client (one
/// attempt per call; the client logs nothing of its own, since Graph takes the token in the query). Idempotent.
/// </summary>
public sealed class FacebookModule : IAdapterModule
{
    public string Name => FacebookEventMapper.SourceName;

    public void Register(ISyncHubBuilder hub, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(section);
        hub.AddWebhookSource<FacebookWebhook, FacebookOptions>(section);
        hub.AddReplyChannel(Domain.Channel.Facebook, FacebookReplyEvents.Message, FacebookReplyRoutes.Setting);
        hub.AddReplyChannel(Domain.Channel.Facebook, FacebookReplyEvents.Comment, FacebookReplyRoutes.Setting);
        hub.Services.TryAddSingleton(TimeProvider.System);
        if (string.IsNullOrWhiteSpace(section[nameof(FacebookOptions.PageAccessToken)]))
        {
            return;
        }

        hub.AddNotifier<FacebookReplyNotifier, FacebookOptions>(section);
        hub.AddToolHttpClient<FacebookOptions>(FacebookHttp.ClientName, o => HttpRetrySettings.SingleAttempt(o.Timeout), logRequests: false);
    }
}
