using SyncHub.Domain;

namespace SyncHub.Pipeline;

/// <summary>
/// What the <see cref="ITicketCreationHook"/>s add to one ticket being created: history entries after the factory's,
/// outbox events after its <c>ticket.created</c>. Its lists are made only when something is added.
/// </summary>
public sealed class TicketAdditions
{
    private List<HistoryEntry>? history;
    private List<OutboxEvent>? outbox;

    /// <summary>The history entries added, in order.</summary>
    public IReadOnlyList<HistoryEntry> History => history ?? (IReadOnlyList<HistoryEntry>)[];

    /// <summary>The outbox events added, in order.</summary>
    public IReadOnlyList<OutboxEvent> Outbox => outbox ?? (IReadOnlyList<OutboxEvent>)[];

    internal bool IsEmpty => history is not { Count: > 0 } && outbox is not { Count: > 0 };

    public void Add(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        (history ??= new List<HistoryEntry>(2)).Add(entry);
    }

    public void Add(OutboxEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        (outbox ??= new List<OutboxEvent>(1)).Add(evt);
    }

    /// <summary>How many entries and events there are, for <see cref="Truncate"/>.</summary>
    internal (int History, int Outbox) Mark() => (history?.Count ?? 0, outbox?.Count ?? 0);

    /// <summary>Drops what was added after <paramref name="mark"/> (a hook that failed half way).</summary>
    internal void Truncate((int History, int Outbox) mark)
    {
        history?.RemoveRange(mark.History, history.Count - mark.History);
        outbox?.RemoveRange(mark.Outbox, outbox.Count - mark.Outbox);
    }
}
