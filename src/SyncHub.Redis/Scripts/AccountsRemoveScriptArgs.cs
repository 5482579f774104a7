using StackExchange.Redis;

namespace SyncHub.Redis.Scripts;

/// <summary>
/// The ARGV of accounts-remove.lua: each constant is the position the script reads under the same name; the ids
/// follow <see cref="AccountsAt"/> as laid out in the script's header.
/// </summary>
internal static class AccountsRemoveScriptArgs
{
    public const int Prefix = 1;
    public const int AccountCount = 2;

    /// <summary>The account ids, the contact count, then the contact ids.</summary>
    public const int AccountsAt = 3;

    /// <summary>The arguments that remove <paramref name="accountIds"/> and <paramref name="contactIds"/>.</summary>
    public static RedisValue[] Build(RedisValue prefix, IReadOnlyList<string> accountIds, IReadOnlyList<string> contactIds)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentNullException.ThrowIfNull(contactIds);
        var argv = new Argv(lastPosition: AccountsAt + accountIds.Count + contactIds.Count);
        argv[Prefix] = prefix;
        var i = argv.PutCounted(AccountCount, accountIds, static id => id);
        argv.PutCounted(i, contactIds, static id => id);
        return argv.Values;
    }
}
