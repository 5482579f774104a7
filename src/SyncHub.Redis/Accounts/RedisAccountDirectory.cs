using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Redis.Scripts;

namespace SyncHub.Redis.Accounts;

/// <summary>
/// The account directory on Redis, under the store's key prefix (<c>{prefix}accounts:...</c>), matching exactly like
/// <see cref="InMemoryAccountDirectory"/> through <see cref="AccountDirectoryRules"/>: contact e-mail, then the
/// e-mail's domain (public mail domains never match), then phone in E.164; the most recently modified record wins
/// a shared key. With <see cref="AccountDirectoryOptions.Mirror"/> (the default) a look-up is answered from this instance's
/// complete copy of the directory (<see cref="RedisAccountMirror"/>) without a Redis call; without it a look-up is one
/// script call, and its answer is kept for <see cref="AccountDirectoryOptions.LookupCacheTtl"/>
/// (<see cref="AccountLookupCache"/>; this instance's writes clear it). An upsert is one script call per <see cref="UpsertChunk"/> records,
/// each record written atomically with its look-up keys; a removal likewise, one script call per chunk of ids. Modification times are compared to the microsecond.
/// Connection loss and timeouts surface as <see cref="SyncHub.Storage.StoreUnavailableException"/>.
/// </summary>
public sealed class RedisAccountDirectory(
    IConnectionMultiplexer redis,
    IOptions<RedisStoreOptions> options,
    AccountDirectoryRules rules,
    TimeProvider time,
    ILogger<RedisAccountDirectory> logger) : IAccountDirectoryStore, IContactLookup, IDisposable
{
    /// <summary>The most records one upsert script call writes, so a large page never holds Redis for long.</summary>
    internal const int UpsertChunk = 500;

    internal const string EmailKey = "email:";
    internal const string ContactPhoneKey = "contact-phone:";
    internal const string DomainKey = "domain:";
    internal const string PhoneKey = "phone:";

    /// <summary>
    /// The meta JSON: camelCase, nulls left out, and look-up keys written as they are (<c>+5511...</c>, not
    /// <c>\u002B5511...</c>) so they read like the key names. It is only ever read by the scripts, never embedded in HTML.
    /// </summary>
    private static readonly JsonSerializerOptions MetaJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly IDatabase database = redis.GetDatabase();
    private readonly string prefix = options.Value.KeyPrefix;
    private readonly AccountLookupCache recent = new(rules.LookupCacheTtl, time);
    private readonly RedisAccountMirror? mirror = rules.Mirror
        ? new RedisAccountMirror(redis.GetDatabase(), options.Value.KeyPrefix, rules.MirrorRefresh, time, logger)
        : null;

    /// <summary>This instance's copy of the directory; null when <see cref="AccountDirectoryOptions.Mirror"/> is off.</summary>
    internal RedisAccountMirror? Mirror => mirror;

    public async Task<AccountSnapshot?> FindAsync(Requester requester, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requester);
        cancellationToken.ThrowIfCancellationRequested();
        var email = AccountDirectoryRules.Email(requester.Email);
        var domain = rules.LookupDomain(email);
        var phone = rules.Phone(requester.Phone);
        if (email is null && phone is null)
        {
            return null;
        }

        CrmAccount? account;
        if (mirror is not null)
        {
            account = (await mirror.TableAsync(cancellationToken)).Find(email, domain, phone);
        }
        else if (!recent.TryGet(email, domain, phone, out account))
        {
            var reply = await RunAsync(RedisScripts.AccountsFind, AccountsFindScriptArgs.Build(prefix, email, domain, phone), "account look-up");
            account = reply.IsNull
                ? null
                : JsonSerializer.Deserialize<CrmAccount>((byte[])reply!, StoreJson.Options) ?? throw new JsonException("A stored account is null.");
            recent.Remember(email, domain, phone, account);
        }

        return account is null ? null : rules.Snapshot(account, time.GetUtcNow());
    }

    public async Task UpsertAsync(IReadOnlyList<CrmAccount> accounts, IReadOnlyList<CrmContact> contacts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(contacts);
        var (accountsStored, contactsStored) = await WriteAsync(() => InChunksAsync(accounts, contacts, UpsertChunkAsync, cancellationToken), cancellationToken);
        recent.Clear();
        Log.AccountsStored(logger, accountsStored, accounts.Count, contactsStored, contacts.Count);
    }

    public async Task RemoveAsync(IReadOnlyList<string> accountIds, IReadOnlyList<string> contactIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentNullException.ThrowIfNull(contactIds);
        var (accountsRemoved, contactsRemoved) = await WriteAsync(() => InChunksAsync(accountIds, contactIds, RemoveChunkAsync, cancellationToken), cancellationToken);
        recent.Clear();
        Log.AccountsRemoved(logger, accountsRemoved, accountIds.Count, contactsRemoved, contactIds.Count);
    }

    public async Task<AccountDirectoryCount> CountAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await RedisFailures.GuardAsync(
            async () =>
            {
                var accounts = database.HashLengthAsync(prefix + "accounts:account");
                var contacts = database.HashLengthAsync(prefix + "accounts:contact");
                return new AccountDirectoryCount(await accounts, await contacts);
            },
            logger,
            "account count");
    }

    /// <summary>
    /// Runs <paramref name="script"/> on the accounts, then on the contacts, <see cref="UpsertChunk"/> at a time; sums
    /// the {accounts, contacts} counts each call returns.
    /// </summary>
    private static async Task<(long Accounts, long Contacts)> InChunksAsync<TAccount, TContact>(
        IReadOnlyList<TAccount> accounts,
        IReadOnlyList<TContact> contacts,
        Func<IReadOnlyList<TAccount>, IReadOnlyList<TContact>, Task<ScriptReply>> script,
        CancellationToken cancellationToken)
    {
        long accountCount = 0;
        long contactCount = 0;
        foreach (var chunk in accounts.Chunk(UpsertChunk))
        {
            cancellationToken.ThrowIfCancellationRequested();
            accountCount += (await script(chunk, [])).Accounts;
        }

        foreach (var chunk in contacts.Chunk(UpsertChunk))
        {
            cancellationToken.ThrowIfCancellationRequested();
            contactCount += (await script([], chunk)).Contacts;
        }

        return (accountCount, contactCount);
    }

    /// <summary>Microseconds since the Unix epoch: exact in a Lua number and a sorted-set score until the year 2255.</summary>
    internal static long Microseconds(DateTimeOffset at) =>
        (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    /// <summary>The meta JSON a script stored beside a record.</summary>
    internal static LookupMeta? ReadMeta(RedisValue meta) => JsonSerializer.Deserialize<LookupMeta>((string)meta!, MetaJson);

    /// <summary>A contact as the mirror keeps it: a look-up by phone answers with its first look-up address, as the script path reads it from the stored meta.</summary>
    internal static ContactEntry Contact(string id, long modified, string? account, IReadOnlyList<string> emails, IReadOnlyList<string> phones) =>
        new(id, modified, account, emails, phones, emails.Count > 0 ? emails[0] : null);

    private static UpsertRecord Record(string id, long modified, byte[]? json, string? account, List<string> keys) =>
        new(id, modified, json, JsonSerializer.SerializeToUtf8Bytes(new LookupMeta(modified, account, keys), MetaJson), keys);

    private static UpsertRecord AccountRecord(AccountEntry account) =>
        Record(
            account.Id,
            account.Modified,
            JsonSerializer.SerializeToUtf8Bytes(account.Account, StoreJson.Options),
            null,
            [.. account.Domains.Select(d => DomainKey + d), .. account.Phones.Select(n => PhoneKey + n)]);

    private static UpsertRecord ContactRecord(ContactEntry contact) =>
        Record(contact.Id, contact.Modified, null, contact.AccountId, [.. contact.Emails.Select(e => EmailKey + e), .. contact.Phones.Select(n => ContactPhoneKey + n)]);

    private AccountEntry AccountEntryOf(CrmAccount account) =>
        new(account, Microseconds(account.ModifiedAt), rules.DomainKeys(account), rules.PhoneKeys(account));

    private ContactEntry ContactEntryOf(CrmContact contact) =>
        Contact(contact.CrmId, Microseconds(contact.ModifiedAt), contact.AccountCrmId, AccountDirectoryRules.EmailKeys(contact), rules.PhoneKeys(contact));

    /// <summary>Writes one chunk; the mirror (when on) takes the same entries, so it matches by the keys the script stored.</summary>
    private async Task<ScriptReply> UpsertChunkAsync(IReadOnlyList<CrmAccount> accounts, IReadOnlyList<CrmContact> contacts)
    {
        var accountEntries = accounts.Select(AccountEntryOf).ToList();
        var contactEntries = contacts.Select(ContactEntryOf).ToList();
        var args = AccountsUpsertScriptArgs.Build(prefix, [.. accountEntries.Select(AccountRecord)], [.. contactEntries.Select(ContactRecord)]);
        var reply = ScriptReply.From(await RunAsync(RedisScripts.AccountsUpsert, args, "account upsert"));
        mirror?.Written(reply, table => table.Put(accountEntries, contactEntries));
        return reply;
    }

    private async Task<ScriptReply> RemoveChunkAsync(IReadOnlyList<string> accountIds, IReadOnlyList<string> contactIds)
    {
        var reply = ScriptReply.From(await RunAsync(RedisScripts.AccountsRemove, AccountsRemoveScriptArgs.Build(prefix, accountIds, contactIds), "account removal"));
        mirror?.Written(reply, table => table.Remove(accountIds, contactIds));
        return reply;
    }

    /// <summary>Runs this instance's write; with the mirror on, the mirror sees it before it returns.</summary>
    private async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        if (mirror is null)
        {
            return await write();
        }

        T result = default!;
        await mirror.WriteAsync(async () => result = await write(), cancellationToken);
        return result;
    }

    /// <summary>The requester's e-mail, else the e-mail of the most recently modified contact with the requester's phone.</summary>
    public async Task<string?> FindEmailAsync(Requester requester, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requester);
        if (AccountDirectoryRules.Email(requester.Email) is { } own)
        {
            return own;
        }

        if (rules.Phone(requester.Phone) is not { } phone)
        {
            return null;
        }

        if (mirror is not null)
        {
            return (await mirror.TableAsync(cancellationToken)).FindEmail(phone);
        }

        var ids = await RedisFailures.GuardAsync(() => database.SortedSetRangeByRankAsync($"{prefix}accounts:{ContactPhoneKey}{phone}"), logger, "contact look-up");
        if (ids.Length == 0)
        {
            return null;
        }

        var metas = await RedisFailures.GuardAsync(() => database.HashGetAsync($"{prefix}accounts:contact", ids), logger, "contact look-up");
        foreach (var meta in metas)
        {
            if (meta.HasValue && ReadMeta(meta) is { } contact &&
                contact.Keys.FirstOrDefault(k => k.StartsWith(EmailKey, StringComparison.Ordinal)) is { } key)
            {
                return key[EmailKey.Length..];
            }
        }

        return null;
    }

    public void Dispose() => mirror?.Dispose();

    private ValueTask<RedisResult> RunAsync(RedisScript script, RedisValue[] args, string operation) => script.RunAsync(database, args, logger, operation);
}
