using Microsoft.Extensions.Logging;

namespace SyncHub.Redis;

/// <summary>The Redis outbox queue's log messages (EventIds 2101-2199) in the project's one <c>Log</c> class.</summary>
internal static partial class Log
{
    [LoggerMessage(2101, LogLevel.Information, "Outbox consumer group {Group} created at the start of the stream {Stream}")]
    public static partial void OutboxGroupCreated(ILogger logger, string group, string stream);

    [LoggerMessage(2102, LogLevel.Warning, "Outbox consumer group {Group} was missing (the stream or the group was removed, or Redis lost its data); created it again from the start of the stream")]
    public static partial void OutboxGroupLost(ILogger logger, string group);

    [LoggerMessage(2103, LogLevel.Information, "Consumer {Consumer} of outbox group {Group} claimed {Count} events left pending by another consumer")]
    public static partial void OutboxClaimed(ILogger logger, string consumer, string group, int count);

    [LoggerMessage(2104, LogLevel.Debug, "Redis did not report the lag of outbox group {Group}; counted the entries after {LastDeliveredId}")]
    public static partial void OutboxLagCounted(ILogger logger, string group, string lastDeliveredId);

    [LoggerMessage(2105, LogLevel.Debug, "Removed {Count} delivered entries from the outbox stream {Stream}")]
    public static partial void OutboxTrimmed(ILogger logger, long count, string stream);

    [LoggerMessage(2106, LogLevel.Warning, "Could not trim the outbox stream; trying again in {Interval}")]
    public static partial void OutboxTrimFailed(ILogger logger, Exception exception, TimeSpan interval);
}
