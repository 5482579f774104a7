using Microsoft.Extensions.Logging;

namespace SyncHub.Redis;

/// <summary>The Redis leases' and fenced checkpoints' log messages (EventIds 2301-2399) in the project's one <c>Log</c> class.</summary>
internal static partial class Log
{
    [LoggerMessage(2301, LogLevel.Debug, "Lease {Lease} acquired with token {Token} by {Owner}")]
    public static partial void LeaseAcquired(ILogger logger, string lease, long token, string owner);

    [LoggerMessage(2302, LogLevel.Debug, "Lease {Lease} (token {Token}) was not renewed: it expired or another owner holds it")]
    public static partial void LeaseNotRenewed(ILogger logger, string lease, long token);

    [LoggerMessage(2303, LogLevel.Debug, "Checkpoint commit of {Source} refused: fencing token {Token} is lower than the last one committed")]
    public static partial void CommitRefused(ILogger logger, string source, long token);
}
