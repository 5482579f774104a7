using Microsoft.Extensions.Logging;

namespace SyncHub.Adapters.Twitter;

/// <summary>The adapter's log messages (EventIds 7000-7099). Never the bearer token or a post's text.</summary>
internal static partial class Log
{
    [LoggerMessage(7001, LogLevel.Debug, "Twitter mentions page: {Count} posts, {Records} records, more pages: {HasMore}")]
    public static partial void PageRead(ILogger logger, int count, int records, bool hasMore);

    [LoggerMessage(7002, LogLevel.Debug, "Twitter post {TweetId} is not a request: {Reason}")]
    public static partial void MentionSkipped(ILogger logger, string tweetId, string reason);

    [LoggerMessage(7003, LogLevel.Information, "Twitter rate-limit window spent; the next request waits until {ResetAt:O}")]
    public static partial void WindowSpent(ILogger logger, DateTimeOffset resetAt);

    [LoggerMessage(7004, LogLevel.Warning, "Twitter answered 429 Too Many Requests (attempt {Attempt}); window resets at {ResetAt:O}")]
    public static partial void RateLimited(ILogger logger, DateTimeOffset? resetAt, int attempt);

    [LoggerMessage(7005, LogLevel.Information, "Waiting {Wait} for the Twitter rate-limit window to reset at {ResumeAt:O}")]
    public static partial void WaitingForReset(ILogger logger, DateTimeOffset resumeAt, TimeSpan wait);

    [LoggerMessage(7006, LogLevel.Warning, "Twitter refused the round's pagination token; reading the round again after since_id {SinceId}")]
    public static partial void RoundRestarted(ILogger logger, string sinceId);

    [LoggerMessage(7007, LogLevel.Error, "Twitter refused the configured credentials (HTTP {Status}); check SyncHub:Adapters:Twitter:BearerToken and :UserId")]
    public static partial void Unauthorized(ILogger logger, int status);
}
