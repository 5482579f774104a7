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

    [LoggerMessage(7008, LogLevel.Information, "Twitter user access token refreshed; it expires at {ExpiresAt:O}")]
    public static partial void UserTokenRefreshed(ILogger logger, DateTimeOffset? expiresAt);

    [LoggerMessage(7009, LogLevel.Information, "X refused the user access token for {Request}; refreshing it")]
    public static partial void UserTokenRefused(ILogger logger, string request);

    [LoggerMessage(7010, LogLevel.Error, "X refused the support account's user-context credentials (HTTP {Status}); check SyncHub:Adapters:Twitter:UserAccessToken and :UserRefreshToken, or the OAuth 1.0a keys")]
    public static partial void UserContextRefused(ILogger logger, int status);

    [LoggerMessage(7011, LogLevel.Information, "Posted reply {TweetId} to post {InReplyTo} for outbox event {EventId} (ticket #{TicketNumber})")]
    public static partial void ReplyPosted(ILogger logger, string tweetId, string inReplyTo, string eventId, long ticketNumber);

    [LoggerMessage(7012, LogLevel.Information, "Sent direct message {DmEventId} for outbox event {EventId} (ticket #{TicketNumber})")]
    public static partial void DirectMessageSent(ILogger logger, string dmEventId, string eventId, long ticketNumber);

    [LoggerMessage(7013, LogLevel.Information, "Outbox event {EventId} was delivered already (X id {ToolMessageId}); not sent again")]
    public static partial void AlreadyDelivered(ILogger logger, string eventId, string? toolMessageId);

    [LoggerMessage(7014, LogLevel.Warning, "X refused a duplicate reply to post {InReplyTo}; the account's reply {TweetId} with these words is there, so outbox event {EventId} counts as delivered")]
    public static partial void DuplicateFound(ILogger logger, string tweetId, string inReplyTo, string eventId);

    [LoggerMessage(7015, LogLevel.Debug, "Twitter direct messages page: {Count} events, {Records} records, more pages: {HasMore}")]
    public static partial void DirectMessagesRead(ILogger logger, int count, int records, bool hasMore);

    [LoggerMessage(7016, LogLevel.Debug, "Twitter direct message {EventId} is not a request: {Reason}")]
    public static partial void DirectMessageSkipped(ILogger logger, string eventId, string reason);
}
