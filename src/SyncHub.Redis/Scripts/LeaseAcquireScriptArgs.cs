using StackExchange.Redis;

namespace SyncHub.Redis.Scripts;

/// <summary>The ARGV of lease-acquire.lua: each constant is the position the script reads under the same name.</summary>
internal static class LeaseAcquireScriptArgs
{
    public const int Prefix = 1;
    public const int Name = 2;
    public const int Owner = 3;
    public const int TtlMs = 4;

    /// <summary>
    /// The arguments that take the lease <paramref name="name"/> for <paramref name="owner"/>, or extend it for the
    /// owner holding it.
    /// </summary>
    public static RedisValue[] Build(RedisValue prefix, string name, string owner, long ttlMs) =>
        Argv.Of((Prefix, prefix), (Name, name), (Owner, owner), (TtlMs, ttlMs));
}
