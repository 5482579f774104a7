using Microsoft.Extensions.Configuration;

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

        // A 429 is not retried by the client: the source waits for the window's x-rate-limit-reset on its clock.
        hub.AddToolHttpClient<TwitterOptions>(
            TwitterHttp.ClientName,
            o => new HttpRetrySettings(o.Timeout, o.MaxRetryAttempts, o.RetryDelay, o.RetryDelay * 32, RetryRateLimited: false),
            ["Authorization"]);
    }
}
