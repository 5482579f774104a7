using StackExchange.Redis;

namespace SyncHub.Redis.Scripts;

/// <summary>The ARGV of outbox-claim.lua: each constant is the position the script reads under the same name.</summary>
internal static class OutboxClaimScriptArgs
{
    public const int StreamKey = 1;
    public const int Group = 2;
    public const int Consumer = 3;
    public const int MinIdleMs = 4;
    public const int Count = 5;

    /// <summary>
    /// The arguments that claim at most <paramref name="count"/> entries idle for <paramref name="minIdleMs"/> for
    /// <paramref name="consumer"/>.
    /// </summary>
    public static RedisValue[] Build(RedisValue streamKey, string group, string consumer, long minIdleMs, int count) =>
        Argv.Of((StreamKey, streamKey), (Group, group), (Consumer, consumer), (MinIdleMs, minIdleMs), (Count, count));
}
