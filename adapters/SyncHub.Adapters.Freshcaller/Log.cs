using Microsoft.Extensions.Logging;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>The adapter's log messages (EventIds 6000-6499). Never the API key, the webhook secret or call notes.</summary>
internal static partial class Log
{
    [LoggerMessage(6001, LogLevel.Debug, "Freshcaller page {Page} of {TotalPages} for calls created {From:O} to {To:O}: {Count} calls")]
    public static partial void PageRead(ILogger logger, int page, int totalPages, DateTimeOffset from, DateTimeOffset to, int count);

    [LoggerMessage(6002, LogLevel.Warning, "Freshcaller calls created {From:O} to {To:O} changed while being paged ({Expected} then {Actual} calls); reading the window again")]
    public static partial void WindowChanged(ILogger logger, DateTimeOffset from, DateTimeOffset to, int expected, int actual);

    [LoggerMessage(6004, LogLevel.Warning, "Freshcaller webhook refused: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, string reason);

    [LoggerMessage(6005, LogLevel.Error, "Freshcaller refused the configured API key (HTTP {Status}); check SyncHub:Adapters:Freshcaller:ApiKey")]
    public static partial void Unauthorized(ILogger logger, int status);

    [LoggerMessage(6006, LogLevel.Error, "Freshcaller call {CallId} could not be read and makes no record: {Reason}; the rest of the page is stored")]
    public static partial void CallUnreadable(ILogger logger, string callId, string reason);
}
