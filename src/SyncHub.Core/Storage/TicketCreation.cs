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
    HistoryEntry ThreadedEntry)
{
    /// <summary>
    /// How long after being solved a ticket takes a customer's answer back (it reopens); later, or on a Closed ticket, the
    /// answer opens a new ticket that follows the old one up (<see cref="CreateResult.FollowsUp"/>). Null: no limit.
    /// Applies to conversations without a <see cref="Ticket.ThreadWindow"/> (those never continue on a solved ticket).
    /// </summary>
    public TimeSpan? ReopenWindow { get; init; }
}
