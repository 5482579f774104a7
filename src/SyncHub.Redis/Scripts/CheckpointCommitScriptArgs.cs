using StackExchange.Redis;

namespace SyncHub.Redis.Scripts;

/// <summary>The ARGV of checkpoint-commit.lua: each constant is the position the script reads under the same name.</summary>
internal static class CheckpointCommitScriptArgs
{
    public const int Prefix = 1;
    public const int Source = 2;
    public const int Cursor = 3;
    public const int Token = 4;

    /// <summary>
    /// The arguments that commit <paramref name="cursor"/> for <paramref name="source"/> under the fencing
    /// <paramref name="token"/>.
    /// </summary>
    public static RedisValue[] Build(RedisValue prefix, string source, string cursor, long token) =>
        Argv.Of((Prefix, prefix), (Source, source), (Cursor, cursor), (Token, token));
}
