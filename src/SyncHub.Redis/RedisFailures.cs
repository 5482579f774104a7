using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using SyncHub.Storage;

namespace SyncHub.Redis;

/// <summary>
/// Which Redis failures mean "the store cannot be reached right now" (the caller holds its cursor or answers
/// 503 and retries later) rather than a bug. The outcome of a write in flight is then unknown.
/// </summary>
internal static class RedisFailures
{
    // Server replies that pass: a restarting, read-only (failed-over), leaderless, busy or full server.
    private static readonly string[] TransientServerErrors =
        ["LOADING", "READONLY", "MASTERDOWN", "TRYAGAIN", "CLUSTERDOWN", "NOREPLICAS", "BUSY", "OOM"];

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RedisConnectionException or RedisTimeoutException => true,
        RedisServerException server => server.Kind switch
        {
            RedisErrorKind.Loading or RedisErrorKind.ReadOnly or RedisErrorKind.MasterDown or RedisErrorKind.TryAgain or
                RedisErrorKind.ClusterDown or RedisErrorKind.NoReplicas or RedisErrorKind.Busy or RedisErrorKind.OutOfMemory or
                RedisErrorKind.MaxClients or RedisErrorKind.ConnectionFault or RedisErrorKind.Timeout => true,
            _ => StartsWithCode(server.Message, TransientServerErrors),
        },
        _ => false,
    };

    /// <summary>The server does not have the script cached (first use, restart, failover, SCRIPT FLUSH).</summary>
    public static bool IsNoScript(RedisServerException exception) =>
        exception.Kind == RedisErrorKind.NoScript || StartsWithCode(exception.Message, ["NOSCRIPT"]);

    /// <summary>The exception to throw; the message names no endpoint or setting (the inner exception has the detail).</summary>
    public static StoreUnavailableException Unavailable(Exception exception) =>
        new($"The Redis store is unavailable ({exception.GetType().Name}).", exception);

    /// <summary>Runs one Redis call, turning an unavailable store into <see cref="StoreUnavailableException"/>.</summary>
    public static async Task<T> GuardAsync<T>(Func<Task<T>> call, ILogger logger, string operation)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            Log.Unavailable(logger, ex, operation);
            throw Unavailable(ex);
        }
    }

    private static bool StartsWithCode(string message, string[] codes)
    {
        foreach (var prefix in codes)
        {
            if (message.StartsWith(prefix, StringComparison.Ordinal) &&
                (message.Length == prefix.Length || message[prefix.Length] == ' '))
            {
                return true;
            }
        }

        return false;
    }
}
