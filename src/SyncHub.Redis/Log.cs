using Microsoft.Extensions.Logging;

namespace SyncHub.Redis;

internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Debug, "Redis unavailable during {Operation}")]
    public static partial void Unavailable(ILogger logger, Exception exception, string operation);

    [LoggerMessage(2002, LogLevel.Debug, "Ticket {TicketId} changed while it was being updated (attempt {Attempt}); computing the change again")]
    public static partial void UpdateConflict(ILogger logger, string ticketId, int attempt);

    [LoggerMessage(2003, LogLevel.Warning, "Ticket {TicketId} kept changing; gave up the update after {Attempts} attempts")]
    public static partial void UpdateGaveUp(ILogger logger, string ticketId, int attempts);

    [LoggerMessage(2004, LogLevel.Warning, "Redis connection to {EndPoint} failed ({FailureType}); reconnecting in the background")]
    public static partial void ConnectionFailed(ILogger logger, Exception? exception, string endPoint, string failureType);

    [LoggerMessage(2005, LogLevel.Information, "Redis connection to {EndPoint} restored")]
    public static partial void ConnectionRestored(ILogger logger, string endPoint);

    [LoggerMessage(2006, LogLevel.Warning, "Redis is not reachable at start ({EndPoints}); the store reconnects in the background")]
    public static partial void NotConnectedAtStart(ILogger logger, string endPoints);

    [LoggerMessage(2007, LogLevel.Information, "Redis store ready with key prefix {KeyPrefix}")]
    public static partial void StoreConfigured(ILogger logger, string keyPrefix);

    [LoggerMessage(2008, LogLevel.Debug, "Redis did not have the {Script} script cached; sent it in full")]
    public static partial void ScriptLoaded(ILogger logger, string script);

    [LoggerMessage(2009, LogLevel.Warning, "Only {Acked} of {Wanted} Redis replicas acknowledged the writes within {Timeout}; they are answered as not stored (retried)")]
    public static partial void ReplicasBehind(ILogger logger, long acked, int wanted, TimeSpan timeout);
}
