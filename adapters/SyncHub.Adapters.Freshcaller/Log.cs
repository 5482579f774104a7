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

    [LoggerMessage(6010, LogLevel.Information, "Freshcaller hotline coverage is checked every {Interval} for {Count} shifts")]
    public static partial void CoverageStarted(ILogger logger, TimeSpan interval, int count);

    [LoggerMessage(6011, LogLevel.Debug, "Freshcaller shift {Shift}: {Available} agents available, {Minimum} needed")]
    public static partial void ShiftChecked(ILogger logger, string shift, int available, int minimum);

    [LoggerMessage(6012, LogLevel.Warning, "Freshcaller shift {Shift} is uncovered: {Available} agents available, {Minimum} needed (alert {AlertKey}, sent now: {Sent})")]
    public static partial void ShiftUncovered(ILogger logger, string shift, int available, int minimum, string alertKey, bool sent);

    [LoggerMessage(6013, LogLevel.Information, "Freshcaller shift {Shift} is covered again: {Available} agents available (alert {AlertKey}, sent now: {Sent})")]
    public static partial void ShiftCovered(ILogger logger, string shift, int available, string alertKey, bool sent);

    [LoggerMessage(6014, LogLevel.Warning, "Freshcaller coverage check failed (HTTP {Status}): {Reason}; checked again in {Wait}, no shift is called uncovered for it")]
    public static partial void CoverageCheckFailed(ILogger logger, int? status, string reason, TimeSpan wait);

    [LoggerMessage(6015, LogLevel.Error, "Freshcaller coverage alert for shift {Shift} could not be raised: {Reason}; tried again at the next check")]
    public static partial void CoverageAlertFailed(ILogger logger, string shift, string reason);
}
