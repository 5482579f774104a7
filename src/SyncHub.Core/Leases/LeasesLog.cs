using Microsoft.Extensions.Logging;

namespace SyncHub.Diagnostics;

/// <summary>The pollers' lease messages (EventIds 1600-1699) in the core's one <c>Log</c> class.</summary>
internal static partial class Log
{
    [LoggerMessage(1601, LogLevel.Information, "Poller {Source} holds its lease with token {Token} as {Owner}; polling")]
    public static partial void LeaseAcquired(ILogger logger, string source, long token, string owner);

    [LoggerMessage(1602, LogLevel.Information, "Poller {Source} is on standby: another instance holds its lease; trying again every {Interval}")]
    public static partial void LeaseStandby(ILogger logger, string source, TimeSpan interval);

    [LoggerMessage(1603, LogLevel.Warning, "Poller {Source} lost its lease (token {Token}); polling stopped")]
    public static partial void LeaseLost(ILogger logger, string source, long token);

    [LoggerMessage(1604, LogLevel.Warning, "Renewing the lease of poller {Source} (token {Token}) failed")]
    public static partial void LeaseRenewalFailed(ILogger logger, Exception exception, string source, long token);

    [LoggerMessage(1605, LogLevel.Warning, "Poller {Source} could not reach the lease store; trying again in {Delay}")]
    public static partial void LeaseStoreFailed(ILogger logger, Exception exception, string source, TimeSpan delay);

    [LoggerMessage(1606, LogLevel.Error, "The cursor commit of poller {Source} with token {Token} was refused: a later lease holder has committed; polling stopped")]
    public static partial void CommitRefused(ILogger logger, string source, long token);

    [LoggerMessage(1607, LogLevel.Information, "Poller {Source} released its lease (token {Token})")]
    public static partial void LeaseReleased(ILogger logger, string source, long token);

    [LoggerMessage(1608, LogLevel.Warning, "Releasing the lease of poller {Source} (token {Token}) failed; it expires by itself")]
    public static partial void LeaseReleaseFailed(ILogger logger, Exception exception, string source, long token);
}
