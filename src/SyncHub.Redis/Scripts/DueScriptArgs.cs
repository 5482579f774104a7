using StackExchange.Redis;

namespace SyncHub.Redis.Scripts;

/// <summary>The ARGV of due.lua: each constant is the position the script reads under the same name.</summary>
internal static class DueScriptArgs
{
    public const int Prefix = 1;
    public const int UntilMs = 2;
    public const int Count = 3;

    /// <summary>The arguments that ask for at most <paramref name="count"/> deadlines up to <paramref name="untilMs"/>.</summary>
    public static RedisValue[] Build(RedisValue prefix, long untilMs, int count) =>
        Argv.Of((Prefix, prefix), (UntilMs, untilMs), (Count, count));
}
