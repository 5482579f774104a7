using StackExchange.Redis;

namespace SyncHub.Redis.Scripts;

/// <summary>
/// The ARGV of accounts-upsert.lua: each constant is the position the script reads under the same name; the records
/// follow <see cref="AccountsAt"/> as laid out in the script's header.
/// </summary>
internal static class AccountsUpsertScriptArgs
{
    public const int Prefix = 1;
    public const int AccountCount = 2;

    /// <summary>The accounts, the contact count, then the contacts.</summary>
    public const int AccountsAt = 3;

    /// <summary>
    /// The arguments that upsert <paramref name="accounts"/> (each with its JSON) and <paramref name="contacts"/>
    /// (without).
    /// </summary>
    public static RedisValue[] Build(RedisValue prefix, IReadOnlyList<UpsertRecord> accounts, IReadOnlyList<UpsertRecord> contacts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(contacts);
        var argv = new Argv(lastPosition: AccountsAt + accounts.Sum(Length) + contacts.Sum(Length));
        argv[Prefix] = prefix;
        argv[AccountCount] = accounts.Count;
        var i = AccountsAt;
        foreach (var account in accounts)
        {
            i = Put(argv, i, account);
        }

        argv[i++] = contacts.Count;
        foreach (var contact in contacts)
        {
            i = Put(argv, i, contact);
        }

        return argv.Values;
    }

    /// <summary>
    /// Id, modified µs, score (-modified µs), the account's JSON (accounts only), meta JSON, key count, keys.
    /// </summary>
    private static int Put(Argv argv, int at, UpsertRecord record)
    {
        argv[at++] = record.Id;
        argv[at++] = record.Modified;
        argv[at++] = -record.Modified;
        if (record.Json is { } json)
        {
            argv[at++] = json;
        }

        argv[at++] = record.Meta;
        return argv.PutCounted(at, record.Keys, static k => k);
    }

    private static int Length(UpsertRecord record) => (record.Json is null ? 5 : 6) + record.Keys.Count;
}
