using Microsoft.Extensions.Configuration;

namespace SyncHub.Adapters.AppFollow;

/// <summary>
/// Registers AppFollow (<c>SyncHub:Adapters:AppFollow</c>): the reviews poller, the reply notifier, validated options,
/// and the two HTTP clients (reads retry transient failures; replies do not). The app-review policies
/// (<c>SyncHub:Reviews</c>) are the core's and apply to every app-review source. Idempotent.
/// </summary>
public sealed class AppFollowModule : IAdapterModule
{
    public string Name => AppFollowReviewMapper.SourceName;

    public void Register(ISyncHubBuilder hub, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(section);
        hub.AddPollingSource<AppFollowSource, AppFollowOptions>(section);
        hub.AddReplyChannel(Domain.Channel.AppReview, Domain.ReviewEvents.Reply, $"{section.Path}:{nameof(AppFollowOptions.ApiToken)}");
        hub.AddNotifier<AppFollowReplyNotifier, AppFollowOptions>(section);

        hub.AddToolHttpClient<AppFollowOptions>(
            AppFollowHttp.ReadClient,
            o => new HttpRetrySettings(o.Timeout, o.MaxRetryAttempts, o.RetryDelay, o.MaxRetryAfter),
            [AppFollowHttp.TokenHeader]);

        // Replies are never retried by the client: a POST retried blindly could answer twice (the outbox retries them).
        hub.AddToolHttpClient<AppFollowOptions>(AppFollowHttp.ReplyClient, o => HttpRetrySettings.SingleAttempt(o.Timeout), [AppFollowHttp.TokenHeader]);
    }
}
