using SyncHub.Domain;
using SyncHub.Reviews;

namespace SyncHub.Pipeline;

/// <summary>
/// What the <see cref="ITicketCreationHook"/>s add to one ticket being created: history entries after the factory's,
/// outbox events after its <c>ticket.created</c>, and a review signal to record with the number. Its lists are made only
/// when something is added.
/// </summary>
public sealed class TicketAdditions
{
    private List<HistoryEntry>? history;
    private List<OutboxEvent>? outbox;

    /// <summary>The history entries added, in order.</summary>
    public IReadOnlyList<HistoryEntry> History => history ?? (IReadOnlyList<HistoryEntry>)[];

    /// <summary>The outbox events added, in order.</summary>
    public IReadOnlyList<OutboxEvent> Outbox => outbox ?? (IReadOnlyList<OutboxEvent>)[];

    /// <summary>The review signal the store records in the creation (<see cref="TicketCreation.Signal"/>), if any.</summary>
    public SignalRecording? Signal { get; private set; }

    internal bool IsEmpty => history is not { Count: > 0 } && outbox is not { Count: > 0 } && Signal is null;

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

    /// <summary>Records <paramref name="signal"/> in the creation (one per ticket: a second replaces the first).</summary>
    public void Count(SignalRecording signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        Signal = signal;
    }

    /// <summary>How many entries and events there are, and the signal, for <see cref="Truncate"/>.</summary>
    internal (int History, int Outbox, SignalRecording? Signal) Mark() => (history?.Count ?? 0, outbox?.Count ?? 0, Signal);

    /// <summary>Drops what was added after <paramref name="mark"/> (a hook that failed half way).</summary>
    internal void Truncate((int History, int Outbox, SignalRecording? Signal) mark)
    {
        history?.RemoveRange(mark.History, history.Count - mark.History);
        outbox?.RemoveRange(mark.Outbox, outbox.Count - mark.Outbox);
        Signal = mark.Signal;
    }
}
