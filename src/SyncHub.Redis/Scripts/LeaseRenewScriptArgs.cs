using StackExchange.Redis;

namespace SyncHub.Redis.Scripts;

/// <summary>The ARGV of lease-renew.lua: each constant is the position the script reads under the same name.</summary>
internal static class LeaseRenewScriptArgs
{
    public const int Prefix = 1;
    public const int Name = 2;
    public const int Holder = 3;
    public const int TtlMs = 4;

    /// <summary>
    /// The arguments that extend the lease <paramref name="name"/> while it holds <paramref name="holder"/>
    /// (<c>{token}:{owner}</c>).
    /// </summary>
    public static RedisValue[] Build(RedisValue prefix, string name, string holder, long ttlMs) =>
        Argv.Of((Prefix, prefix), (Name, name), (Holder, holder), (TtlMs, ttlMs));
}
