using StackExchange.Redis;

namespace SyncHub.Redis.Scripts;

/// <summary>The ARGV of accounts-find.lua: each constant is the position the script reads under the same name.</summary>
internal static class AccountsFindScriptArgs
{
    public const int Prefix = 1;
    public const int Email = 2;
    public const int Domain = 3;
    public const int Phone = 4;

    /// <summary>
    /// The arguments of one look-up; a null <paramref name="email"/>, <paramref name="domain"/> or
    /// <paramref name="phone"/> is sent as ''.
    /// </summary>
    public static RedisValue[] Build(RedisValue prefix, string? email, string? domain, string? phone) =>
        Argv.Of((Prefix, prefix), (Email, email ?? ""), (Domain, domain ?? ""), (Phone, phone ?? ""));
}
