using StackExchange.Redis;

namespace SyncHub.Redis.Scripts;

/// <summary>The ARGV of lease-release.lua: each constant is the position the script reads under the same name.</summary>
internal static class LeaseReleaseScriptArgs
{
    public const int Prefix = 1;
    public const int Name = 2;
    public const int Holder = 3;

    /// <summary>
    /// The arguments that delete the lease <paramref name="name"/> while it holds <paramref name="holder"/>
    /// (<c>{token}:{owner}</c>).
    /// </summary>
    public static RedisValue[] Build(RedisValue prefix, string name, string holder) =>
        Argv.Of((Prefix, prefix), (Name, name), (Holder, holder));
}
