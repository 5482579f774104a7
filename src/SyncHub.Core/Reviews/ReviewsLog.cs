using Microsoft.Extensions.Logging;

namespace SyncHub.Diagnostics;

/// <summary>The app-review policies' log messages (EventIds 1500-1599) in the core's one <c>Log</c> class. Never review text.</summary>
internal static partial class Log
{
    [LoggerMessage(1501, LogLevel.Information, "Critical app review on ticket #{TicketNumber}: alert queued to {Channel}")]
    public static partial void ReviewCritical(ILogger logger, long ticketNumber, string channel);

    [LoggerMessage(1502, LogLevel.Warning, "Frequent app-review issue {Signature}: {Count} reviews within {Window}; alert queued on ticket #{TicketNumber}")]
    public static partial void ReviewFrequent(ILogger logger, string signature, int count, TimeSpan window, long ticketNumber);

    [LoggerMessage(1503, LogLevel.Debug, "App review on ticket #{TicketNumber} counted under {Signature}: {Count} within the window")]
    public static partial void ReviewCounted(ILogger logger, long ticketNumber, string signature, int count);

    [LoggerMessage(1504, LogLevel.Debug, "App review on ticket #{TicketNumber} written {At:O} is older than {MaxAge}: no alert")]
    public static partial void ReviewTooOldToAlert(ILogger logger, long ticketNumber, DateTimeOffset at, TimeSpan maxAge);
}
