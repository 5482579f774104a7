using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Outbox;
using SyncHub.Storage;

namespace SyncHub.InMemory;

/// <summary>
/// The ticket store in process memory: the zero-setup run and fast tests. Same contract as the Redis store;
/// one lock makes every creation and update atomic.
/// </summary>
public sealed class InMemoryTicketStore : ITicketStore, IOutboxAppender, ITicketCounts, ITicketViews
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Ticket> tickets = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, string> byNumber = new();
    private readonly Dictionary<string, string> idempotency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> threads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<HistoryEntry>> history = new(StringComparer.Ordinal);
    private readonly List<OutboxEntry> outbox = [];
    private readonly HashSet<(string Ticket, string Action)> actions = [];
    private readonly Dictionary<string, DateTimeOffset> appended = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> tokens = new(StringComparer.Ordinal);
    private long lastNumber = TicketNumbers.First - 1;

    public Task<CreateResult> CreateAsync(TicketCreation creation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(creation);
        var ticket = creation.Ticket;
        var key = IdempotencyKey(ticket.Source, ticket.ExternalId);
        lock (gate)
        {
            if (idempotency.TryGetValue(key, out var existingId))
            {
                return Task.FromResult(new CreateResult(existingId, tickets[existingId].Number, CreateOutcome.Duplicate));
            }

            string? followsUp = null;
            if (ticket.ThreadKey is { } threadKey && FindThread(threadKey) is { } threadId && ThreadOpen(tickets[threadId], ticket)
                && !FollowedUp(tickets[threadId], ticket, creation.ReopenWindow, ref followsUp))
            {
                var parent = tickets[threadId];
                idempotency[key] = threadId;
                history[threadId].Add(creation.ThreadedEntry);
                tickets[threadId] = parent with { UpdatedAt = creation.ThreadedEntry.At, Version = parent.Version + 1 };
                return Task.FromResult(new CreateResult(threadId, parent.Number, CreateOutcome.Threaded));
            }

            var number = ++lastNumber;
            var stored = ticket with { Number = number, History = [] };
            tickets[ticket.Id] = stored;
            tokens[ticket.Id] = SearchTokens.Of(stored);
            byNumber[number] = ticket.Id;
            idempotency[key] = ticket.Id;
            if (ticket.ThreadKey is { } newThread)
            {
                threads[newThread] = ticket.Id;
            }

            history[ticket.Id] = [.. creation.History];
            foreach (var evt in creation.Outbox)
            {
                AppendOutbox(TicketCreation.Numbered(evt, number));
            }

            return Task.FromResult(new CreateResult(ticket.Id, number, CreateOutcome.Created, followsUp));
        }
    }

    public Task<Ticket?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(WithHistory(id));
        }
    }

    public Task<Ticket?> GetByNumberAsync(long number, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(byNumber.TryGetValue(number, out var id) ? WithHistory(id) : null);
        }
    }

    public Task<TicketPage> ListAsync(TicketQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!TicketOrder.TryParseCursor(query.Cursor, query.Sort, out var afterScore, out var afterNumber))
        {
            throw new ArgumentException("The cursor is not one this store gave out.", nameof(query));
        }

        var words = SearchTokens.Words(query.Search);
        var limit = Math.Clamp(query.Limit, 1, TicketQuery.MaxLimit);
        lock (gate)
        {
            var matching = tickets.Values
                .Where(t => Matches(t, query) && (words.Count == 0 || SearchTokens.Matches(t, tokens[t.Id], words)))
                .Where(t => query.Cursor is null || TicketOrder.After(t, query.Sort, afterScore, afterNumber))
                .Order(Comparer<Ticket>.Create((a, b) => TicketOrder.Compare(a, b, query.Sort)))
                .Take(limit + 1)
                .ToList();
            var items = matching.Take(limit).ToList();
            var next = matching.Count > limit ? TicketOrder.CursorOf(items[^1], query.Sort) : null;
            return Task.FromResult(new TicketPage(items, next));
        }
    }

    public Task<Ticket?> MergeAsync(string duplicateId, string survivorId, Func<Ticket, Ticket, TicketMerge> merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(merge);
        lock (gate)
        {
            var duplicate = WithHistory(duplicateId);
            var survivor = WithHistory(survivorId);
            if (duplicate is null || survivor is null)
            {
                return Task.FromResult<Ticket?>(null);
            }

            var change = merge(duplicate, survivor);
            if (change.ActionKey is { } action && !actions.Add((survivorId, "merge:" + action)))
            {
                return Task.FromResult<Ticket?>(survivor);
            }

            var closed = change.Duplicate with { Id = duplicate.Id, Number = duplicate.Number, Version = duplicate.Version + 1, History = [] };
            var kept = change.Survivor with { Id = survivor.Id, Number = survivor.Number, Version = survivor.Version + 1, History = [] };
            tickets[duplicateId] = closed;
            tickets[survivorId] = kept;
            tokens[duplicateId] = [];
            tokens[survivorId] = SearchTokens.Of(kept);

            // The history moves, merged in time order (a stable sort keeps each ticket's own order).
            history[survivorId] = [.. history[survivorId].Concat(history[duplicateId]).OrderBy(e => e.At), change.SurvivorEntry];
            history[duplicateId] = [change.DuplicateEntry];
            foreach (var key in idempotency.Where(p => p.Value == duplicateId).Select(p => p.Key).ToList())
            {
                idempotency[key] = survivorId;
            }

            foreach (var key in threads.Where(p => p.Value == duplicateId).Select(p => p.Key).ToList())
            {
                threads[key] = survivorId;
            }

            return Task.FromResult(WithHistory(survivorId));
        }
    }

    public Task<ViewCounts> CountViewsAsync(IReadOnlyList<string> mine, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mine);
        var counts = TicketViews.All.ToDictionary(v => v, _ => 0L, StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var ticket in tickets.Values)
            {
                foreach (var view in TicketViews.All)
                {
                    if (TicketViews.TryApply(view, new TicketQuery(), mine, now, out var narrowed) && Matches(ticket, narrowed))
                    {
                        counts[view]++;
                    }
                }
            }
        }

        return Task.FromResult(new ViewCounts(counts));
    }

    public Task<Ticket?> UpdateAsync(string id, Func<Ticket, TicketChange?> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (gate)
        {
            var current = WithHistory(id);
            if (current is null)
            {
                return Task.FromResult<Ticket?>(null);
            }

            var update = change(current);
            if (update is null || (update.ActionKey is { } action && !actions.Add((id, action))))
            {
                return Task.FromResult<Ticket?>(current);
            }

            var updated = update.Updated with
            {
                Id = current.Id,
                Number = current.Number,
                Source = current.Source,
                ExternalId = current.ExternalId,
                Version = current.Version + 1,
                History = [],
            };
            tickets[id] = updated;
            Reindex(current, updated);
            history[id].AddRange(update.History);
            foreach (var evt in update.Outbox)
            {
                AppendOutbox(evt with { TicketNumber = current.Number });
            }

            return Task.FromResult(WithHistory(id));
        }
    }

    public Task<IReadOnlyList<SlaDeadline>> DueAsync(DateTimeOffset until, int count, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<SlaDeadline> due =
            [
                .. tickets.Values
                    .SelectMany(t => SlaDeadlines.Live(t).Select(d => new SlaDeadline(t.Id, d.Kind, d.At)))
                    .Where(d => d.At <= until)
                    .OrderBy(d => d.At)
                    .ThenBy(d => d.TicketId, StringComparer.Ordinal)
                    .Take(count),
            ];
            return Task.FromResult(due);
        }
    }

    /// <summary>One pass over the tickets in memory; the Redis store reads the same counts from its index sets.</summary>
    public Task<TicketCounts> CountAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var byStatus = Enum.GetValues<TicketStatus>().ToDictionary(s => s, _ => 0L);
        var byDepartment = Enum.GetValues<Department>().ToDictionary(d => d, _ => 0L);
        var live = new Dictionary<SlaDeadlineKind, long>();
        long breached = 0;
        lock (gate)
        {
            foreach (var ticket in tickets.Values)
            {
                byStatus[ticket.Status] = byStatus.GetValueOrDefault(ticket.Status) + 1;
                byDepartment[ticket.Department] = byDepartment.GetValueOrDefault(ticket.Department) + 1;
                breached += SlaDeadlines.IsBreached(ticket) ? 1 : 0;
                foreach (var (kind, at) in SlaDeadlines.Live(ticket))
                {
                    live[kind] = live.GetValueOrDefault(kind) + (at > now ? 1 : 0);
                }
            }
        }

        // At risk: due later, at-risk instant passed (or warned already), as the Redis store counts it.
        long AtRisk(SlaDeadlineKind due, SlaDeadlineKind warn) => Math.Max(0, live.GetValueOrDefault(due) - live.GetValueOrDefault(warn));
        return Task.FromResult(new TicketCounts(
            byStatus,
            byDepartment,
            AtRisk(SlaDeadlineKind.FirstResponse, SlaDeadlineKind.FirstResponseAtRisk),
            AtRisk(SlaDeadlineKind.Resolution, SlaDeadlineKind.ResolutionAtRisk),
            breached));
    }

    public Task<IReadOnlyList<OutboxEntry>> ReadOutboxAsync(string? afterPosition, int count, CancellationToken cancellationToken = default)
    {
        var after = afterPosition is null ? 0 : long.Parse(afterPosition, System.Globalization.CultureInfo.InvariantCulture);
        lock (gate)
        {
            IReadOnlyList<OutboxEntry> page = [.. outbox.Skip((int)Math.Min(after, outbox.Count)).Take(count)];
            return Task.FromResult(page);
        }
    }

    public Task<bool> PingAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    public Task<bool> AppendOnceAsync(string key, OutboxEvent evt, TimeSpan keep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evt);
        lock (gate)
        {
            if (appended.TryGetValue(key, out var until) && evt.CreatedAt < until)
            {
                return Task.FromResult(false);
            }

            appended[key] = evt.CreatedAt + keep;
            AppendOutbox(evt);
            return Task.FromResult(true);
        }
    }

    /// <summary>A windowed thread continues only on a ticket not Closed that was updated within the window (a Solved one reopens).</summary>
    private static bool ThreadOpen(Ticket parent, Ticket incoming) =>
        incoming.ThreadWindow is not { } window ||
        (parent.Status is not TicketStatus.Closed && incoming.CreatedAt - parent.UpdatedAt <= window);

    /// <summary>
    /// A conversation without window does not continue on a Closed ticket, nor on one solved before the reopen window:
    /// the record opens a new ticket that follows it up (<paramref name="followsUp"/>).
    /// </summary>
    private static bool FollowedUp(Ticket parent, Ticket incoming, TimeSpan? reopenWindow, ref string? followsUp)
    {
        var over = incoming.ThreadWindow is null
            && (parent.Status == TicketStatus.Closed
                || (parent is { Status: TicketStatus.Solved, SolvedAt: { } solvedAt } && reopenWindow is { } window && solvedAt < incoming.CreatedAt - window));
        followsUp = over ? parent.Id : null;
        return over;
    }

    /// <summary>The ticket a thread continues on: the one its key names, or the one that ticket was merged into.</summary>
    private string? FindThread(string threadKey)
    {
        var id = ThreadKeys.TryTicketNumber(threadKey, out var number)
            ? byNumber.GetValueOrDefault(number)
            : threads.GetValueOrDefault(threadKey);
        for (var hop = 0; hop < 8 && id is not null && tickets[id].MergedInto is { } into && tickets.ContainsKey(into); hop++)
        {
            id = into;
        }

        return id;
    }

    /// <summary>Tokens again only when a field they come from changed.</summary>
    private void Reindex(Ticket before, Ticket after)
    {
        if (after.MergedInto is not null)
        {
            tokens[after.Id] = [];
        }
        else if (before.Subject != after.Subject || before.Body != after.Body || before.Requester != after.Requester || before.Account?.Name != after.Account?.Name)
        {
            tokens[after.Id] = SearchTokens.Of(after);
        }
    }

    private static bool Matches(Ticket ticket, TicketQuery query) =>
        (!query.OpenOnly || TicketOrder.IsOpen(ticket)) &&
        (!query.Unassigned || string.IsNullOrEmpty(ticket.Assignee)) &&
        (!query.CustomerReplied || ticket.CustomerReplied) &&
        (query.AtRiskAt is not { } riskAt || TicketOrder.AtRiskFrom(ticket) <= riskAt) &&
        (query.Assignees is null || TicketViews.AssignedToAny(ticket, query.Assignees)) &&
        (query.Department is null || ticket.Department == query.Department) &&
        (query.Status is null || ticket.Status == query.Status) &&
        (query.Priority is null || ticket.Priority == query.Priority) &&
        (query.Channel is null || ticket.Channel == query.Channel) &&
        (query.Breached is null || SlaDeadlines.IsBreached(ticket) == query.Breached);

    private static string IdempotencyKey(string source, string externalId) => $"{source}\n{externalId}";

    private void AppendOutbox(OutboxEvent evt) =>
        outbox.Add(new OutboxEntry((outbox.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), evt));

    private Ticket? WithHistory(string id) =>
        tickets.TryGetValue(id, out var ticket) ? ticket with { History = [.. history[id]] } : null;
}
