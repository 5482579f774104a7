using SyncHub.Domain;

namespace SyncHub.Storage;

/// <summary>An update of a stored ticket: the new state, the history lines and the outbox events it adds.</summary>
public sealed record TicketChange(
    Ticket Updated,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<OutboxEvent> Outbox);
