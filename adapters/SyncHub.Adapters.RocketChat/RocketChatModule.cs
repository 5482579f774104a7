using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

        var services = hub.Services;
        if (services.Any(d => d.ServiceType == typeof(RocketChatHttpMarker)))
        {
            return;
        }

        services.AddSingleton<RocketChatHttpMarker>();
        services.AddHttpClient(RocketChatHttp.ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler(RocketChatHttp.ClientName, (builder, context) => RocketChatHttp.ConfigureResilience(
                builder,
                context.ServiceProvider.GetRequiredService<IOptionsMonitor<RocketChatOptions>>().CurrentValue));
    }
}
