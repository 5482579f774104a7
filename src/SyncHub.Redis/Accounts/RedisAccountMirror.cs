using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Storage;

namespace SyncHub.Redis.Accounts;

/// <summary>
/// A complete copy of the Redis directory's look-up data in this instance's memory (<see cref="AccountLookupTable"/>),
/// so a look-up costs no Redis call once it is loaded. The upsert and removal scripts INCR <c>{prefix}accounts:version</c>
/// when they change a record; every <see cref="AccountDirectoryOptions.MirrorRefresh"/> a background timer reads that
/// version and reloads the whole copy (HSCAN of the account, account-meta and contact hashes) when it differs from
/// the loaded one. This instance's own writes are applied to the copy as their script returns (or, when another
/// writer's change came in between, reloaded before the write returns). The host starts the first load
/// (<see cref="RedisAccountMirrorService"/>); a look-up before it completes waits for it.
/// While Redis is unreachable the copy keeps answering (stale), a warning is logged once, and the refresh retries.
/// </summary>
internal sealed class RedisAccountMirror(
    IDatabase database,
    string prefix,
    TimeSpan refresh,
    TimeProvider time,
    ILogger logger) : IDisposable
{
    /// <summary>How many fields one HSCAN call returns during a load.</summary>
    internal const int ScanPage = 1000;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock timerGate = new();
    private volatile Loaded? loaded;
    private ITimer? timer;
    private bool disposed;
    private int refreshing;
    private bool failing;
    private long currentAtTicks;

    /// <summary>Set while a write holds the gate and its result could not be applied to the copy: reload before it returns.</summary>
    private bool stale;

    /// <summary>The version and record counts of the loaded copy, and when it was last known current; null before the first load.</summary>
    public MirrorState? State => loaded is { } current ? new MirrorState(current.Version, current.Table.Count, CurrentAt) : null;

    private DateTimeOffset CurrentAt => new(Volatile.Read(ref currentAtTicks), TimeSpan.Zero);

    /// <summary>The loaded copy; the first call loads it (and starts the refresh timer), later calls never touch Redis.</summary>
    public async ValueTask<AccountLookupTable> TableAsync(CancellationToken cancellationToken)
    {
        if (loaded is { } current)
        {
            return current.Table;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (loaded is null)
            {
                await LoadLockedAsync();
            }
        }
        finally
        {
            gate.Release();
        }

        StartTimer();
        return loaded!.Table;
    }

    /// <summary>
    /// Runs this instance's write (its script calls each report to <see cref="Written"/>) with loads held off, so the copy
    /// sees the write at once; reloads before returning when a reply could not be applied to the copy.
    /// </summary>
    public async Task WriteAsync(Func<Task> write, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            stale = false;
            await write();
            if (stale)
            {
                await LoadLockedAsync();
            }
        }
        finally
        {
            stale = false;
            gate.Release();
        }
    }

    /// <summary>
    /// One script call of this instance's write returned <paramref name="reply"/>: when the copy was at the version
    /// before it, <paramref name="change"/> applies the same records to the copy (which must write as many as the script did);
    /// otherwise another writer's change is missing from the copy and <see cref="WriteAsync"/> reloads it.
    /// </summary>
    public void Written(ScriptReply reply, Func<AccountLookupTable, (long Accounts, long Contacts)> change)
    {
        if (loaded is not { } current || stale)
        {
            return;
        }

        var expected = reply.Bumped ? current.Version + 1 : current.Version;
        if (reply.Version != expected || change(current.Table) != (reply.Accounts, reply.Contacts))
        {
            stale = true;
            return;
        }

        loaded = current with { Version = reply.Version };
        MarkCurrent();
    }

    /// <summary>
    /// Reads the directory's version and reloads the copy when it changed; a failure is logged (a warning the first
    /// time in a row) and left for the next refresh. Runs on the timer, never on the look-up path.
    /// </summary>
    internal async Task RefreshAsync()
    {
        try
        {
            if (loaded is { } current && current.Version == await ReadVersionAsync())
            {
                MarkCurrent();
            }
            else
            {
                await gate.WaitAsync();
                try
                {
                    if (loaded is not { } now || now.Version != await ReadVersionAsync())
                    {
                        await LoadLockedAsync();
                    }
                }
                finally
                {
                    gate.Release();
                }
            }

            if (failing)
            {
                failing = false;
                Log.AccountMirrorRecovered(logger, loaded!.Version);
            }
        }
        catch (StoreUnavailableException ex)
        {
            if (!failing)
            {
                failing = true;
                Log.AccountMirrorStale(logger, ex, CurrentAt, refresh);
            }
        }
        catch (Exception ex) when (ex is RedisException or JsonException)
        {
            Log.AccountMirrorRefreshFailed(logger, ex);
        }
    }

    public void Dispose()
    {
        lock (timerGate)
        {
            disposed = true;
            timer?.Dispose();
            timer = null;
        }
    }

    private void StartTimer()
    {
        lock (timerGate)
        {
            if (timer is null && !disposed)
            {
                timer = time.CreateTimer(_ => OnTimer(), null, refresh, refresh);
            }
        }
    }

    private void OnTimer()
    {
        if (Interlocked.Exchange(ref refreshing, 1) == 1)
        {
            return;
        }

        _ = RunRefreshAsync();

        async Task RunRefreshAsync()
        {
            try
            {
                await RefreshAsync();
            }
            finally
            {
                Volatile.Write(ref refreshing, 0);
            }
        }
    }

    private Task<long> ReadVersionAsync() =>
        RedisFailures.GuardAsync(async () => (long?)await database.StringGetAsync(prefix + "accounts:version") ?? 0, logger, "account mirror version");

    /// <summary>
    /// Reads the whole directory, page by page, into a new copy and swaps it in. The version is read first: a write by
    /// another instance during the scan leaves the copy at the older version, so the next refresh reloads it.
    /// </summary>
    private async Task LoadLockedAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var version = await ReadVersionAsync();
        var jsons = await RedisFailures.GuardAsync(() => ScanAsync("accounts:account", v => (byte[])v!), logger, "account mirror load");
        var accountMetas = await RedisFailures.GuardAsync(() => ScanAsync("accounts:account-meta", Meta), logger, "account mirror load");
        var contactMetas = await RedisFailures.GuardAsync(() => ScanAsync("accounts:contact", Meta), logger, "account mirror load");

        var table = new AccountLookupTable();
        table.Put(
            accountMetas.Where(m => jsons.ContainsKey(m.Key)).Select(m => ToAccountEntry(jsons[m.Key], m.Value)),
            contactMetas.Select(m => ToContactEntry(m.Key, m.Value)));
        loaded = new Loaded(table, version);
        MarkCurrent();
        var count = table.Count;
        Log.AccountMirrorLoaded(logger, count.Accounts, count.Contacts, version, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task<Dictionary<string, T>> ScanAsync<T>(string key, Func<RedisValue, T> read)
    {
        var entries = new Dictionary<string, T>(StringComparer.Ordinal);
        await foreach (var entry in database.HashScanAsync(prefix + key, pageSize: ScanPage))
        {
            entries[entry.Name!] = read(entry.Value);
        }

        return entries;
    }

    private static LookupMeta Meta(RedisValue value) =>
        RedisAccountDirectory.ReadMeta(value) ?? throw new JsonException("A stored account meta is null.");

    private static AccountEntry ToAccountEntry(byte[] json, LookupMeta meta) =>
        new(
            JsonSerializer.Deserialize<CrmAccount>(json, StoreJson.Options) ?? throw new JsonException("A stored account is null."),
            meta.Modified,
            Keys(meta, RedisAccountDirectory.DomainKey),
            Keys(meta, RedisAccountDirectory.PhoneKey));

    private static ContactEntry ToContactEntry(string id, LookupMeta meta) =>
        RedisAccountDirectory.Contact(id, meta.Modified, meta.Account, Keys(meta, RedisAccountDirectory.EmailKey), Keys(meta, RedisAccountDirectory.ContactPhoneKey));

    /// <summary>The look-up keys of <paramref name="meta"/> of one kind, without the kind (<c>domain:acme.com</c> gives <c>acme.com</c>).</summary>
    private static List<string> Keys(LookupMeta meta, string kind) =>
        [.. meta.Keys.Where(k => k.StartsWith(kind, StringComparison.Ordinal)).Select(k => k[kind.Length..])];

    private void MarkCurrent() => Volatile.Write(ref currentAtTicks, time.GetUtcNow().UtcTicks);

    private sealed record Loaded(AccountLookupTable Table, long Version);
}

/// <summary>What an upsert or removal script returns: records written, the directory's version after it, and whether it bumped it.</summary>
internal sealed record ScriptReply(long Accounts, long Contacts, long Version, bool Bumped)
{
    public static ScriptReply From(RedisResult reply)
    {
        var values = (long[])reply!;
        return new ScriptReply(values[0], values[1], values[2], values[3] == 1);
    }
}

/// <summary>The mirror's loaded version, its record counts, and when it was last known to match Redis.</summary>
internal sealed record MirrorState(long Version, AccountDirectoryCount Count, DateTimeOffset CurrentAt);
