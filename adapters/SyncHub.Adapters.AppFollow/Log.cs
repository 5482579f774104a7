using Microsoft.Extensions.Logging;

namespace SyncHub.Adapters.AppFollow;

/// <summary>The adapter's log messages (EventIds 8000-8499). Never the API token, review text or reply text.</summary>
internal static partial class Log
{
    [LoggerMessage(8001, LogLevel.Debug, "AppFollow {App} page {Page} of reviews dated {From} to {To}: {Count} reviews")]
    public static partial void PageRead(ILogger logger, string app, int page, DateOnly from, DateOnly to, int count);

    [LoggerMessage(8002, LogLevel.Warning, "AppFollow listed a review of {App} without a review id; skipped")]
    public static partial void ReviewSkipped(ILogger logger, string app);

    [LoggerMessage(8003, LogLevel.Warning, "AppFollow listed a review of store {Store} for {App}; skipped (check the app's Store in SyncHub:Adapters:AppFollow:Apps)")]
    public static partial void OtherStore(ILogger logger, string app, string store);

    [LoggerMessage(8004, LogLevel.Error, "AppFollow refused the configured API token (HTTP {Status}) for {Request}; check SyncHub:Adapters:AppFollow:ApiToken")]
    public static partial void Unauthorized(ILogger logger, int status, string request);

    [LoggerMessage(8005, LogLevel.Error, "AppFollow is out of API credits (HTTP 402); the source calls it again at {PausedUntil:O} (SyncHub:Adapters:AppFollow:CreditsPause). Buy credits in AppFollow's API dashboard")]
    public static partial void OutOfCredits(ILogger logger, DateTimeOffset pausedUntil);

    [LoggerMessage(8006, LogLevel.Warning, "The team-chat alert {AlertKey} about AppFollow's API credits could not be stored; the next fetch tries again")]
    public static partial void CreditsAlertFailed(ILogger logger, string alertKey, Exception exception);

    [LoggerMessage(8101, LogLevel.Information, "Reply to review {ReviewKey} (outbox event {EventId}, ticket #{TicketNumber}) posted to AppFollow")]
    public static partial void ReplyPosted(ILogger logger, string reviewKey, string eventId, long ticketNumber);

    [LoggerMessage(8102, LogLevel.Information, "AppFollow already shows this answer to review {ReviewKey} (outbox event {EventId}); counted as delivered")]
    public static partial void AlreadyAnswered(ILogger logger, string reviewKey, string eventId);

    [LoggerMessage(8103, LogLevel.Warning, "Review {ReviewKey} already has another answer in the store; the reply of outbox event {EventId} does not replace it without the agent's explicit choice")]
    public static partial void AnswerKept(ILogger logger, string reviewKey, string eventId);
}
