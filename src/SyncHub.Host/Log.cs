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

    [LoggerMessage(4130, LogLevel.Warning, "Unknown setting: {Problem:l}")]
    public static partial void UnknownSetting(ILogger logger, string problem);

    [LoggerMessage(4101, LogLevel.Information, "Plugin {Plugin} {Version} loaded from {Directory} (built against SDK {SdkVersion}); adapters: {Adapters}; enabled: {Enabled}")]
    public static partial void PluginLoaded(ILogger logger, string plugin, string version, string directory, string sdkVersion, string adapters, string enabled);

    [LoggerMessage(4102, LogLevel.Warning, "Plugin {Plugin}: {Warning}")]
    public static partial void PluginWarning(ILogger logger, string plugin, string warning);

    [LoggerMessage(4110, LogLevel.Information, "Sandbox on (Development only): a made-up request every {Interval}, channels taking turns, sources {Sources}; SyncHub:Sandbox:Enabled=false switches it off")]
    public static partial void SandboxOn(ILogger logger, TimeSpan interval, string sources);

    [LoggerMessage(4111, LogLevel.Warning, "Sandbox: the store is unavailable; the made-up {Source} request is dropped")]
    public static partial void SandboxStoreUnavailable(ILogger logger, Exception exception, string source);

    [LoggerMessage(4112, LogLevel.Information, "Sandbox: {Count} made-up requests sent (SyncHub:Sandbox:MaxTickets); it stops here")]
    public static partial void SandboxDone(ILogger logger, int count);

    [LoggerMessage(4113, LogLevel.Information, "Sandbox: delivered {EventType} of ticket #{Number} to the made-up tool (id {ToolId})")]
    public static partial void SandboxDelivered(ILogger logger, string eventType, long number, string toolId);

    [LoggerMessage(4007, LogLevel.Warning, "Malformed request {Method} {Path} answered {Status}: {Reason}")]
    public static partial void MalformedRequest(ILogger logger, string method, string path, int status, string reason);

    [LoggerMessage(4008, LogLevel.Debug, "Request {Method} {Path} ended by the client before its body was read")]
    public static partial void RequestAborted(ILogger logger, string method, string path);
}
