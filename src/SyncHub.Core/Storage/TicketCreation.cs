using SyncHub.Domain;

namespace SyncHub.Storage;

/// <summary>
/// Everything one atomic creation writes: the ticket (its number is assigned by the store), its first
/// history entries and the outbox events. <see cref="ThreadedEntry"/> is appended instead when the
/// ticket's thread key already belongs to a ticket (it is a placeholder for a ticket without a thread key).
/// </summary>
public sealed record TicketCreation(
    Ticket Ticket,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<OutboxEvent> Outbox,
    HistoryEntry ThreadedEntry);
