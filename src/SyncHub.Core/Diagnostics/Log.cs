using Microsoft.Extensions.Logging;

namespace SyncHub.Diagnostics;

internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Intake pipeline started with {Workers} workers and capacity {Capacity}")]
    public static partial void PipelineStarted(ILogger logger, int workers, int capacity);

    [LoggerMessage(1002, LogLevel.Information, "Intake pipeline stopping: draining {Depth} queued records")]
    public static partial void PipelineDraining(ILogger logger, int depth);

    [LoggerMessage(1003, LogLevel.Information, "Intake pipeline stopped")]
    public static partial void PipelineStopped(ILogger logger);

    [LoggerMessage(1004, LogLevel.Warning, "Record {Source}/{ExternalId} dead-lettered: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string source, string externalId, string reason);

    [LoggerMessage(1005, LogLevel.Warning, "Store unavailable while storing {Source}/{ExternalId}")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception, string source, string externalId);

    [LoggerMessage(1006, LogLevel.Debug, "Record {Source}/{ExternalId} stored as ticket #{TicketNumber} ({Outcome})")]
    public static partial void Stored(ILogger logger, string source, string externalId, long ticketNumber, string outcome);

    [LoggerMessage(1007, LogLevel.Error, "Record {Source}/{ExternalId} failed while being turned into a ticket")]
    public static partial void RecordFailed(ILogger logger, Exception exception, string source, string externalId);

    [LoggerMessage(1101, LogLevel.Information, "Poller {Source} started, interval {Interval}")]
    public static partial void PollerStarted(ILogger logger, string source, TimeSpan interval);

    [LoggerMessage(1102, LogLevel.Warning, "Poll of {Source} failed (attempt {Attempt}); retrying in {Delay}")]
    public static partial void PollFailed(ILogger logger, Exception exception, string source, int attempt, TimeSpan delay);

    [LoggerMessage(1103, LogLevel.Information, "Poller {Source} stored {Count} records; cursor committed")]
    public static partial void PageStored(ILogger logger, string source, int count);

    [LoggerMessage(1104, LogLevel.Information, "Poller {Source} stopped")]
    public static partial void PollerStopped(ILogger logger, string source);

    [LoggerMessage(1301, LogLevel.Information, "Notifier {Notifier} consuming the outbox as {Consumer}")]
    public static partial void NotifierStarted(ILogger logger, string notifier, string consumer);

    [LoggerMessage(1302, LogLevel.Debug, "Notifier {Notifier} delivered {EventType} {EventId}")]
    public static partial void Delivered(ILogger logger, string notifier, string eventType, string eventId);

    [LoggerMessage(1303, LogLevel.Warning, "Notifier {Notifier} failed {EventType} {EventId} (attempt {Attempt}); retrying in {Delay}")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, string notifier, string eventType, string eventId, int attempt, TimeSpan delay);

    [LoggerMessage(1304, LogLevel.Error, "Notifier {Notifier} gave up on {EventType} {EventId} after {Attempt} attempts; dead-lettered")]
    public static partial void DeliveryDeadLettered(ILogger logger, Exception exception, string notifier, string eventType, string eventId, int attempt);

    [LoggerMessage(1305, LogLevel.Warning, "Outbox unavailable for notifier {Notifier}")]
    public static partial void OutboxUnavailable(ILogger logger, Exception exception, string notifier);

    [LoggerMessage(1306, LogLevel.Error, "Notifier {Notifier} paused: its tool refused the credentials ({Reason}); its messages stay queued and it is probed every {Interval}")]
    public static partial void NotifierPaused(ILogger logger, string notifier, string reason, TimeSpan interval);

    [LoggerMessage(1307, LogLevel.Information, "Notifier {Notifier} resumed: its credentials work again")]
    public static partial void NotifierResumed(ILogger logger, string notifier);

    [LoggerMessage(1308, LogLevel.Warning, "Notifier {Notifier} refused {EventType} {EventId} for good: {Reason}; dead-lettered")]
    public static partial void DeliveryRefused(ILogger logger, string notifier, string eventType, string eventId, string reason);

    [LoggerMessage(1401, LogLevel.Warning, "SLA breached on ticket #{TicketNumber}: {Target}")]
    public static partial void SlaBreached(ILogger logger, long ticketNumber, string target);

    [LoggerMessage(1402, LogLevel.Information, "SLA at risk on ticket #{TicketNumber}: {Target}")]
    public static partial void SlaAtRisk(ILogger logger, long ticketNumber, string target);

    [LoggerMessage(1403, LogLevel.Warning, "SLA monitor could not reach the store")]
    public static partial void SlaMonitorUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(1008, LogLevel.Error, "After-creation step {Hook} failed for {Source}/{ExternalId}")]
    public static partial void HookFailed(ILogger logger, Exception exception, string hook, string source, string externalId);

    [LoggerMessage(1309, LogLevel.Warning, "Team alert {Kind} ({Key}): {Title}; queued {Queued} (false: raised before)")]
    public static partial void TeamAlert(ILogger logger, string kind, string key, bool queued, string title);

    [LoggerMessage(1701, LogLevel.Debug, "Operator gauges: the store did not answer; synchub.store.up is 0 and the other gauges keep their last reading")]
    public static partial void GaugesUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(1702, LogLevel.Warning, "Operator gauges: reading the store failed; the gauges keep their last reading")]
    public static partial void GaugesFailed(ILogger logger, Exception exception);
}
