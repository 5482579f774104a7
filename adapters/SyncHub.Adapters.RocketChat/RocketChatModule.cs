using Microsoft.Extensions.Configuration;

namespace SyncHub.Adapters.RocketChat;

/// <summary>
/// Registers the Rocket.Chat notifier (<c>SyncHub:Adapters:RocketChat</c>): validated options and the HTTP client with
/// its per-call timeout. The client logs nothing of its own: request URIs of an incoming webhook carry its token.
/// Idempotent.
/// </summary>
public sealed class RocketChatModule : IAdapterModule
{
    public string Name => RocketChatNotifier.NotifierName;

    public void Register(ISyncHubBuilder hub, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(section);
        hub.AddNotifier<RocketChatNotifier, RocketChatOptions>(section);
        hub.AddToolHttpClient<RocketChatOptions>(RocketChatHttp.ClientName, o => HttpRetrySettings.SingleAttempt(o.Timeout), logRequests: false);
    }
}
