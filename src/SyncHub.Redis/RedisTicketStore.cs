using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Redis.Reviews;
using SyncHub.Redis.Scripts;
using SyncHub.Storage;

namespace SyncHub.Redis;

/// <summary>
/// The ticket store on Redis. A creation is one Lua script that writes, atomically, the ticket, its number,
/// the idempotency and thread keys, the index sets, the history and the outbox events; an update is one
/// script guarded by the ticket's version. Connection loss and timeouts surface as
/// <see cref="StoreUnavailableException"/>; every write is safe to retry. Key layout: README.md.
/// </summary>
public sealed class RedisTicketStore(
    IConnectionMultiplexer redis,
    IOptions<RedisStoreOptions> options,
    ILogger<RedisTicketStore> logger,
    ReplicaAcknowledgement? replicas = null) : ITicketStore, ITicketViews
{
    /// <summary>How often an update is computed again when the ticket keeps changing under it.</summary>
    internal const int MaxUpdateAttempts = 64;

    /// <summary>A search whose most selective condition holds at most this many tickets reads them whole and sorts them.</summary>
    internal const int DefaultReadLimit = 500;

    /// <summary>The fewest tickets a search walks in the sort order before it does the exact work instead.</summary>
    internal const int DefaultWalkBudget = 2_000;

    /// <summary>
    /// The most tickets the most selective condition may hold to be read whole after a short walk of the sort order
    /// found its matches too sparse to fill a page soon.
    /// </summary>
    internal const int DefaultProbeReadLimit = 20_000;

    /// <summary>The most vocabulary tokens one query word expands to (prefix match): a shorter prefix matches the first ones in alphabetical order only.</summary>
    internal const int ExpansionCap = 64;

    /// <summary>What update.lua answers when the change's action key is already kept with the ticket.</summary>
    private const long AlreadyDone = -2;

    private readonly IDatabase database = redis.GetDatabase();

    /// <summary>See <see cref="DefaultReadLimit"/>; tests lower it to take the other paths of search.lua.</summary>
    internal int ReadLimit { get; init; } = DefaultReadLimit;

    /// <summary>See <see cref="DefaultWalkBudget"/>.</summary>
    internal int WalkBudget { get; init; } = DefaultWalkBudget;

    /// <summary>See <see cref="DefaultProbeReadLimit"/>.</summary>
    internal int ProbeReadLimit { get; init; } = DefaultProbeReadLimit;

    private readonly RedisValue prefix = options.Value.KeyPrefix;
    private readonly RedisKey outboxKey = options.Value.KeyPrefix + "outbox";
    private readonly int scanLimit = options.Value.ListScanLimit;
    private readonly int compressFrom = options.Value.CompressFrom;

    public async Task<CreateResult> CreateAsync(TicketCreation creation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(creation);
        if (!IsKeySafe(creation.Ticket.Id))
        {
            throw new ArgumentException("A ticket id must be 1 to 200 characters without ':'.", nameof(creation));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var arguments = CreateScriptArgs.Build(prefix, creation, out var json, compressFrom);
        var reply = await RedisScripts.Create.RunAsync(database, arguments, logger, "create");

        // Answered, so the arguments were written: they and their buffer can go back to their pools (on a failure they are
        // left to the collector, as a timed-out command may still wait in the multiplexer's backlog).
        json.Dispose();
        Argv.Return(arguments);
        await ReplicatedAsync("create");
        var fields = (RedisResult[])reply!;
        var outcome = (int)fields[0] switch
        {
            0 => CreateOutcome.Created,
            1 => CreateOutcome.Duplicate,
            _ => CreateOutcome.Threaded,
        };
        var followsUp = fields.Length > 3 ? (string?)fields[3] : null;

        // A created ticket has the id it was sent with: no need to read it back into a new string.
        var id = outcome == CreateOutcome.Created ? creation.Ticket.Id : (string)fields[1]!;
        return new CreateResult(id, (long)fields[2], outcome, string.IsNullOrEmpty(followsUp) ? null : followsUp)
        {
            Signal = fields.Length > 4 ? RedisReviewSignalStore.Parse(fields[4]) : null,
        };
    }

    public Task<Ticket?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return IsKeySafe(id) ? ReadAsync(id, 0, cancellationToken) : Task.FromResult<Ticket?>(null);
    }

    public Task<Ticket?> GetByNumberAsync(long number, CancellationToken cancellationToken = default) =>
        ReadAsync("", number, cancellationToken);

    public async Task<TicketPage> ListAsync(TicketQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var limit = Math.Clamp(query.Limit, 1, TicketQuery.MaxLimit);
        if (!NeedsSearch(query))
        {
            var before = TicketCursor.Parse(query.Cursor);
            var filters = TicketIndexes.Filters(query);
            var args = ListScriptArgs.Build(prefix, before == long.MaxValue ? null : before, limit, scanLimit, filters);
            return Page((RedisResult[])(await RunAsync(RedisScripts.List, args, "list"))!);
        }

        if (!TicketOrder.TryParseCursor(query.Cursor, query.Sort, out var afterScore, out var afterNumber))
        {
            throw new ArgumentException("The cursor is not one this store gave out.", nameof(query));
        }

        if (query.Assignees is { Count: 0 })
        {
            return new TicketPage([], null);
        }

        var searchArgs = SearchScriptArgs.Build(
            prefix,
            SortIndex(query.Sort),
            query.Cursor is null ? null : (afterScore, afterNumber),
            limit,
            scanLimit,
            Constraints(query),
            ReadLimit,
            WalkBudget,
            ProbeReadLimit);
        return Page((RedisResult[])(await RunAsync(RedisScripts.Search, searchArgs, "search"))!);
    }

    public async Task<Ticket?> MergeAsync(string duplicateId, string survivorId, Func<Ticket, Ticket, TicketMerge> merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(duplicateId);
        ArgumentNullException.ThrowIfNull(survivorId);
        ArgumentNullException.ThrowIfNull(merge);
        if (!IsKeySafe(duplicateId) || !IsKeySafe(survivorId))
        {
            return null;
        }

        for (var attempt = 1; attempt <= MaxUpdateAttempts; attempt++)
        {
            var duplicate = await ReadAsync(duplicateId, 0, cancellationToken);
            var survivor = await ReadAsync(survivorId, 0, cancellationToken);
            if (duplicate is null || survivor is null)
            {
                return null;
            }

            var change = merge(duplicate, survivor);
            var json = new StoreJson.Buffer(4096);
            var args = StoredArguments.Merge(MergeScriptArgs.Build(prefix, duplicate, survivor, change), json, compressFrom);
            var written = (long)await RunAsync(RedisScripts.Merge, args, "merge");
            json.Dispose();
            await ReplicatedAsync("merge");
            if (written == -1)
            {
                return null;
            }

            if (written != 0)
            {
                return await ReadAsync(survivorId, 0, cancellationToken);
            }

            Log.UpdateConflict(logger, survivorId, attempt);
        }

        Log.UpdateGaveUp(logger, survivorId, MaxUpdateAttempts);
        throw new InvalidOperationException($"Tickets {duplicateId} and {survivorId} kept changing; the merge was given up after {MaxUpdateAttempts} attempts.");
    }

    /// <summary>The views' counts: BITCOUNT of the view bitmaps and ZCOUNT of <c>index:risk</c>, which the scripts keep (one round trip, no scan).</summary>
    public async Task<ViewCounts> CountViewsAsync(IReadOnlyList<string> mine, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mine);
        cancellationToken.ThrowIfCancellationRequested();
        var batch = database.CreateBatch();
        Task<long> Size(string index) => TicketIndexes.SizeAsync(batch, database, (string?)prefix + index);
        var mineCounts = mine.Select(TicketMemberships.AssigneeKey).Distinct(StringComparer.Ordinal)
            .Select(a => Size("index:open-assignee:" + a)).ToList();
        var unassigned = Size("index:unassigned");
        var replied = Size("index:replied");
        var atRisk = batch.SortedSetLengthAsync(prefix + "index:risk", double.NegativeInfinity, TicketOrder.Ms(now));
        var breached = Size("index:open-breached");
        var departments = Enum.GetValues<Department>().Select(d => (d, Size("index:open-department:" + d))).ToList();
        batch.Execute();
        return await RedisFailures.GuardAsync(
            async () =>
            {
                var counts = new Dictionary<string, long>(StringComparer.Ordinal)
                {
                    [TicketViews.Mine] = (await Task.WhenAll(mineCounts)).Sum(),
                    [TicketViews.Unassigned] = await unassigned,
                    [TicketViews.CustomerReplied] = await replied,
                    [TicketViews.AtRisk] = await atRisk,
                    [TicketViews.Breached] = await breached,
                };
                foreach (var (department, count) in departments)
                {
                    counts[TicketViews.DepartmentPrefix + department] = await count;
                }

                return new ViewCounts(counts);
            },
            logger,
            "views");
    }

    public async Task<Ticket?> UpdateAsync(string id, Func<Ticket, TicketChange?> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(change);
        if (!IsKeySafe(id))
        {
            return null;
        }

        for (var attempt = 1; attempt <= MaxUpdateAttempts; attempt++)
        {
            var current = await ReadAsync(id, 0, cancellationToken);
            if (current is null)
            {
                return null;
            }

            var update = change(current);
            if (update is null)
            {
                return current;
            }

            var stored = update.Updated with
            {
                Id = current.Id,
                Number = current.Number,
                Source = current.Source,
                ExternalId = current.ExternalId,
                Version = current.Version + 1,
                History = [],
            };
            var written = await WriteAsync(current, stored, update, cancellationToken);
            await ReplicatedAsync("update");
            if (written == AlreadyDone)
            {
                // The action was carried out before (a retried request): the ticket as it is now is its result.
                return await ReadAsync(id, 0, cancellationToken);
            }

            if (written < 0)
            {
                return null;
            }

            if (written > 0)
            {
                return stored with { Version = written, History = [.. current.History, .. update.History] };
            }

            Log.UpdateConflict(logger, id, attempt);
        }

        Log.UpdateGaveUp(logger, id, MaxUpdateAttempts);
        throw new InvalidOperationException($"Ticket {id} kept changing; the update was given up after {MaxUpdateAttempts} attempts.");
    }

    /// <summary>
    /// One script over the four SLA sets. Instants are whole milliseconds: a deadline's is rounded up (see
    /// <see cref="TicketIndexes.Score"/>) and <paramref name="until"/> down, so a returned deadline is never after
    /// <paramref name="until"/>, and its <see cref="SlaDeadline.At"/> is at most a millisecond after the stamp's.
    /// </summary>
    public async Task<IReadOnlyList<SlaDeadline>> DueAsync(DateTimeOffset until, int count, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (count <= 0)
        {
            return [];
        }

        var args = DueScriptArgs.Build(prefix, until.ToUnixTimeMilliseconds(), count);
        var reply = (RedisResult[])(await RunAsync(RedisScripts.Due, args, "due"))!;
        var due = new SlaDeadline[reply.Length / 3];
        for (var d = 0; d < due.Length; d++)
        {
            var at = d * 3;
            due[d] = new SlaDeadline((string)reply[at]!, (SlaDeadlineKind)(int)reply[at + 1], DateTimeOffset.FromUnixTimeMilliseconds((long)reply[at + 2]));
        }

        return due;
    }

    public async Task<IReadOnlyList<OutboxEntry>> ReadOutboxAsync(string? afterPosition, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        cancellationToken.ThrowIfCancellationRequested();
        RedisValue from = afterPosition is null ? "-" : "(" + StreamPosition(afterPosition);
        var entries = await RedisFailures.GuardAsync(() => database.StreamRangeAsync(outboxKey, from, "+", count), logger, "outbox read");

        var page = new List<OutboxEntry>(entries.Length);
        foreach (var entry in entries)
        {
            var json = entry["event"];
            page.Add(new OutboxEntry(entry.Id!, StoreJson.ReadEvent((byte[])json!)));
        }

        return page;
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected)
        {
            return false;
        }

        try
        {
            await database.PingAsync();
            return true;
        }
        catch (Exception ex) when (RedisFailures.IsUnavailable(ex))
        {
            Log.Unavailable(logger, ex, "ping");
            return false;
        }
    }

    /// <summary>The idempotency hash field of a record. Source names are configuration keys, so they hold no ':'.</summary>
    internal static string IdempotencyField(string source, string externalId) => $"{source}{IdempotencySeparator}{externalId}";

    /// <summary>Between the source and the external id in an idempotency field (<see cref="IdempotencyField"/>).</summary>
    internal const char IdempotencySeparator = ':';

    /// <summary>Ids are part of keys: one with ':' could name another key (<c>{id}:history</c>), so it is no ticket's id.</summary>
    private static bool IsKeySafe(string id) => id.Length is > 0 and <= 200 && !id.Contains(':', StringComparison.Ordinal);

    private static string StreamPosition(string position)
    {
        var dash = position.IndexOf('-', StringComparison.Ordinal);
        var valid = dash > 0 && dash < position.Length - 1 &&
            ulong.TryParse(position.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out _) &&
            ulong.TryParse(position.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);
        return valid ? position : throw new ArgumentException("The position is not one this outbox gave out.", nameof(position));
    }

    /// <summary>The old list script serves the newest-first list without search, view or assignee.</summary>
    private static bool NeedsSearch(TicketQuery query) =>
        query.Sort != TicketSort.Created || !string.IsNullOrWhiteSpace(query.Search) || query.Assignees is not null
        || query.OpenOnly || query.Unassigned || query.CustomerReplied || query.AtRiskAt is not null;

    private static string SortIndex(TicketSort sort) => sort switch
    {
        TicketSort.SlaDue => "sort:due",
        TicketSort.Priority => "sort:priority",
        TicketSort.Updated => "sort:updated",
        _ => "created",
    };

    /// <summary>The conditions of <paramref name="query"/> as search.lua's constraints.</summary>
    private static List<(string Kind, IReadOnlyList<string> Alternatives)> Constraints(TicketQuery query)
    {
        var open = query.OpenOnly || query.Unassigned || query.CustomerReplied || query.AtRiskAt is not null;
        var constraints = new List<(string, IReadOnlyList<string>)>();
        void In(params string[] keys) => constraints.Add(("z", keys));
        if (query.OpenOnly)
        {
            // Open work: in neither the Solved nor the Closed index (no set of its own, to spare memory).
            constraints.Add(("x", ["index:" + TicketIndexes.Of(TicketStatus.Solved), "index:" + TicketIndexes.Of(TicketStatus.Closed)]));
        }

        if (query.Unassigned)
        {
            In("index:unassigned");
        }

        if (query.CustomerReplied)
        {
            In("index:replied");
        }

        if (query.AtRiskAt is { } riskAt)
        {
            constraints.Add(("r", [TicketOrder.Ms(riskAt).ToString(CultureInfo.InvariantCulture)]));
        }

        if (query.Department is { } department)
        {
            In(open ? "index:open-department:" + department : "index:" + TicketIndexes.Of(department));
        }

        if (query.Status is { } status)
        {
            In("index:" + TicketIndexes.Of(status));
        }

        if (query.Priority is { } priority)
        {
            In("index:" + TicketIndexes.Of(priority));
        }

        if (query.Channel is { } channel)
        {
            In("index:" + TicketIndexes.Of(channel));
        }

        if (query.Breached is { } breached)
        {
            if (breached)
            {
                In(open ? "index:open-breached" : "index:" + TicketIndexes.Breached);
            }
            else
            {
                constraints.Add(("x", ["index:" + TicketIndexes.Breached]));
            }
        }

        if (query.Assignees is { } assignees)
        {
            In([.. assignees.Select(TicketMemberships.AssigneeKey).Distinct(StringComparer.Ordinal).Select(a => (open ? "index:open-assignee:" : "index:assignee:") + a)]);
        }

        foreach (var word in SearchTokens.Words(query.Search))
        {
            constraints.Add(("w", [word, SearchTokens.NumberOf(word) is { } n ? n.ToString(CultureInfo.InvariantCulture) : ""]));
        }

        return constraints;
    }

    private static TicketPage Page(RedisResult[] reply)
    {
        var items = new List<Ticket>((reply.Length - 1) / 5);
        for (var at = 1; at + 4 < reply.Length; at += 5)
        {
            items.Add(Materialize(reply[at + 1], reply[at + 2], reply[at + 3], reply[at + 4], []));
        }

        var next = (string?)reply[0];
        return new TicketPage(items, string.IsNullOrEmpty(next) ? null : next);
    }

    private static Ticket Materialize(RedisResult json, RedisResult number, RedisResult version, RedisResult updatedAt, IReadOnlyList<HistoryEntry> history) =>
        StoredForm.ReadTicket((byte[])json!) with
        {
            Number = (long)number,
            Version = (long)version,
            UpdatedAt = StoreJson.ReadInstant((string)updatedAt!),
            History = history,
        };

    private async Task<Ticket?> ReadAsync(string id, long number, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var reply = await RunAsync(RedisScripts.Get, GetScriptArgs.Build(prefix, id, number), "read");
        if (reply.IsNull)
        {
            return null;
        }

        var fields = (RedisResult[])reply!;
        var history = StoredForm.ReadHistory([.. ((RedisResult[])fields[5]!).Select(e => (byte[])e!)]);
        return Materialize(fields[1], fields[2], fields[3], fields[4], history);
    }

    private async Task<long> WriteAsync(Ticket current, Ticket stored, TicketChange update, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var json = new StoreJson.Buffer(1024 + stored.Subject.Length + stored.Body.Length);
        var written = (long)await RunAsync(RedisScripts.Update, StoredArguments.Update(UpdateScriptArgs.Build(prefix, current, stored, update), json, compressFrom), "update");

        // Answered: the arguments were written, their buffer can go back to the pool (see CreateAsync).
        json.Dispose();
        return written;
    }

    /// <summary>Returns once the writes made so far are on the replicas <see cref="RedisStoreOptions.MinReplicasAcked"/> asks for.</summary>
    private Task ReplicatedAsync(string operation) => replicas is null ? Task.CompletedTask : replicas.WaitAsync(operation);

    private ValueTask<RedisResult> RunAsync(RedisScript script, RedisValue[] args, string operation) => script.RunAsync(database, args, logger, operation);
}
