using System.Globalization;
using SyncHub.Outbox;
using SyncHub.Storage;

namespace SyncHub.InMemory;

/// <summary>Consumer groups over the in-memory store's outbox, for the zero-setup run and tests.</summary>
public sealed class InMemoryOutboxQueue(ITicketStore store, TimeProvider time) : IOutboxQueue
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Group> groups = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<OutboxDelivery>> ReadAsync(string group, string consumer, int count, CancellationToken cancellationToken = default)
    {
        string? after;
        lock (gate)
        {
            after = GroupOf(group).LastRead;
        }

        var entries = await store.ReadOutboxAsync(after, count, cancellationToken);
        lock (gate)
        {
            var state = GroupOf(group);
            var handed = new List<OutboxDelivery>(entries.Count);
            foreach (var entry in entries)
            {
                if (Compare(entry.Position, state.LastRead) <= 0)
                {
                    continue;
                }

                state.LastRead = entry.Position;
                state.Pending[entry.Position] = new Pending(entry, consumer, time.GetUtcNow(), 1);
                handed.Add(new OutboxDelivery(entry.Position, entry.Event, 1));
            }

            return handed;
        }
    }

    public Task<IReadOnlyList<OutboxDelivery>> ClaimStaleAsync(string group, string consumer, TimeSpan minIdle, int count, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var state = GroupOf(group);
            var now = time.GetUtcNow();
            var claimed = new List<OutboxDelivery>();
            foreach (var (position, pending) in state.Pending.OrderBy(p => long.Parse(p.Key, CultureInfo.InvariantCulture)).ToList())
            {
                if (claimed.Count == count)
                {
                    break;
                }

                if (now - pending.Since < minIdle)
                {
                    continue;
                }

                var again = pending with { Consumer = consumer, Since = now, Deliveries = pending.Deliveries + 1 };
                state.Pending[position] = again;
                claimed.Add(new OutboxDelivery(position, pending.Entry.Event, again.Deliveries));
            }

            return Task.FromResult<IReadOnlyList<OutboxDelivery>>(claimed);
        }
    }

    public Task AckAsync(string group, string position, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            GroupOf(group).Pending.Remove(position);
        }

        return Task.CompletedTask;
    }

    public Task KeepAsync(string group, string consumer, string position, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var pending = GroupOf(group).Pending;
            if (pending.TryGetValue(position, out var entry))
            {
                pending[position] = entry with { Consumer = consumer, Since = time.GetUtcNow() };
            }
        }

        return Task.CompletedTask;
    }

    public async Task<long> LagAsync(string group, CancellationToken cancellationToken = default)
    {
        string? after;
        int pending;
        lock (gate)
        {
            after = GroupOf(group).LastRead;
            pending = GroupOf(group).Pending.Count;
        }

        var unread = await store.ReadOutboxAsync(after, int.MaxValue, cancellationToken);
        return pending + unread.Count;
    }

    public async Task<DateTimeOffset?> OldestPendingAsync(string group, CancellationToken cancellationToken = default)
    {
        string? after;
        lock (gate)
        {
            var state = GroupOf(group);
            if (state.Pending.Count > 0)
            {
                return state.Pending.Values.MinBy(p => long.Parse(p.Entry.Position, CultureInfo.InvariantCulture))!.Entry.Event.CreatedAt;
            }

            after = state.LastRead;
        }

        var unread = await store.ReadOutboxAsync(after, 1, cancellationToken);
        return unread.Count == 0 ? null : unread[0].Event.CreatedAt;
    }

    private static int Compare(string position, string? other) =>
        other is null ? 1 : long.Parse(position, CultureInfo.InvariantCulture).CompareTo(long.Parse(other, CultureInfo.InvariantCulture));

    private Group GroupOf(string name)
    {
        if (!groups.TryGetValue(name, out var group))
        {
            group = new Group();
            groups[name] = group;
        }

        return group;
    }

    private sealed class Group
    {
        public string? LastRead { get; set; }

        public Dictionary<string, Pending> Pending { get; } = new(StringComparer.Ordinal);
    }

    private sealed record Pending(OutboxEntry Entry, string Consumer, DateTimeOffset Since, int Deliveries);
}
