using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Outbox;
using SyncHub.Storage;

namespace SyncHub.InMemory;

/// <summary>
/// The ticket store in process memory: the zero-setup run and fast tests. Same contract as the Redis store;
/// one lock makes every creation and update atomic.
/// </summary>
public sealed class InMemoryTicketStore : ITicketStore, IOutboxAppender, ITicketCounts
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
            byNumber[number] = ticket.Id;
            idempotency[key] = ticket.Id;
            if (ticket.ThreadKey is { } newThread)
            {
                threads[newThread] = ticket.Id;
            }

            history[ticket.Id] = [.. creation.History];
            foreach (var evt in creation.Outbox)
            {
                AppendOutbox(evt with { TicketNumber = number });
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
        var before = TicketCursor.Parse(query.Cursor);
        var limit = Math.Clamp(query.Limit, 1, TicketQuery.MaxLimit);
        lock (gate)
        {
            var items = new List<Ticket>(limit);
            string? next = null;
            foreach (var (number, id) in byNumber.Reverse())
            {
                if (number >= before)
                {
                    continue;
                }

                var ticket = tickets[id];
                if (!Matches(ticket, query))
                {
                    continue;
                }

                if (items.Count == limit)
                {
                    next = TicketCursor.From(items[^1].Number);
                    break;
                }

                items.Add(ticket);
            }

            return Task.FromResult(new TicketPage(items, next));
        }
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

    private string? FindThread(string threadKey) =>
        ThreadKeys.TryTicketNumber(threadKey, out var number)
            ? byNumber.GetValueOrDefault(number)
            : threads.GetValueOrDefault(threadKey);

    private static bool Matches(Ticket ticket, TicketQuery query) =>
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
