namespace SyncHub.Host;

internal static partial class Log
{
    [LoggerMessage(4001, LogLevel.Information, "Webhook {Source} refused with {Status}: {Field} {Detail}")]
    public static partial void WebhookRejected(ILogger logger, string source, int status, string field, string detail);

    [LoggerMessage(4002, LogLevel.Warning, "Webhook {Source} answered 503: {Reason}")]
    public static partial void WebhookUnavailable(ILogger logger, string source, string reason);

    [LoggerMessage(4003, LogLevel.Information, "SyncHub ready on {Address} with the {Store} store; adapters: {Adapters}")]
    public static partial void Ready(ILogger logger, string address, string store, string adapters);

    [LoggerMessage(4004, LogLevel.Information, "Try it: {Command}")]
    public static partial void TryIt(ILogger logger, string command);

    [LoggerMessage(4005, LogLevel.Information, "Adapter {Adapter} enabled")]
    public static partial void AdapterEnabled(ILogger logger, string adapter);

    [LoggerMessage(4006, LogLevel.Warning, "Record {Source}/{ExternalId} was dead-lettered: {Reason}")]
    public static partial void WebhookDeadLettered(ILogger logger, string source, string externalId, string reason);
}
