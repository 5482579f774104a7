using StackExchange.Redis;

namespace SyncHub.Redis.Scripts;

/// <summary>The ARGV of outbox-trim.lua: each constant is the position the script reads under the same name.</summary>
internal static class OutboxTrimScriptArgs
{
    public const int StreamKey = 1;

    /// <summary>The arguments that trim the outbox stream <paramref name="streamKey"/>.</summary>
    public static RedisValue[] Build(RedisValue streamKey) => Argv.Of((StreamKey, streamKey));
}
