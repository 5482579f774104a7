using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// Registers the Twitter/X mentions poller (<c>SyncHub:Adapters:Twitter</c>): validated options and the HTTP client with its
/// resilience pipeline, the bearer token redacted from HTTP logs. Idempotent.
/// </summary>
public sealed class TwitterModule : IAdapterModule
{
    public string Name => TweetMapper.SourceName;

    public void Register(ISyncHubBuilder hub, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(section);
        hub.AddPollingSource<TwitterSource, TwitterOptions>(section);

        var services = hub.Services;
        if (services.Any(d => d.ServiceType == typeof(TwitterHttpMarker)))
        {
            return;
        }

        services.AddSingleton<TwitterHttpMarker>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(TwitterHttp.ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(["Authorization"])
            .AddResilienceHandler(TwitterHttp.ClientName, (builder, context) => TwitterHttp.ConfigureResilience(
                builder,
                context.ServiceProvider.GetRequiredService<IOptionsMonitor<TwitterOptions>>().CurrentValue));
    }
}
