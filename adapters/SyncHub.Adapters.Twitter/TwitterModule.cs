using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// Registers the Twitter/X mentions poller (<c>SyncHub:Adapters:Twitter</c>): validated options and the HTTP client with its
/// resilience pipeline, the credentials redacted from HTTP logs. With user-context credentials (an OAuth 2.0 user token or
/// OAuth 1.0a user keys) also the direct-message round of the poller and <see cref="TwitterReplyNotifier"/>, which answers
/// on X; its writes go through a client of single attempts (the outbox retries). Idempotent.
/// </summary>
public sealed class TwitterModule : IAdapterModule
{
    public string Name => TweetMapper.SourceName;

    public void Register(ISyncHubBuilder hub, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(section);
        hub.Services.TryAddSingleton<TwitterUserContext>();
        hub.AddPollingSource<TwitterSource, TwitterOptions>(section);
        hub.AddReplyChannel(Domain.Channel.Twitter, TwitterReplyEvents.Reply, TwitterOptions.UserContextSetting);

        // A 429 is not retried by the client: the source waits for the window's x-rate-limit-reset on its clock.
        hub.AddToolHttpClient<TwitterOptions>(
            TwitterHttp.ClientName,
            o => new HttpRetrySettings(o.Timeout, o.MaxRetryAttempts, o.RetryDelay, o.RetryDelay * 32, RetryRateLimited: false),
            ["Authorization"]);

        if (HasUserContext(section))
        {
            hub.AddToolHttpClient<TwitterOptions>(TwitterHttp.WriteClientName, o => HttpRetrySettings.SingleAttempt(o.Timeout), ["Authorization"]);
            hub.AddNotifier<TwitterReplyNotifier, TwitterOptions>(section);
        }
    }

    /// <summary>Whether the configuration holds user-context credentials (validation at start says whether they are whole).</summary>
    private static bool HasUserContext(IConfigurationSection section) =>
        new[] { nameof(TwitterOptions.UserAccessToken), nameof(TwitterOptions.UserRefreshToken), nameof(TwitterOptions.ConsumerKey), nameof(TwitterOptions.AccessToken) }
            .Any(key => !string.IsNullOrWhiteSpace(section[key]));
}
