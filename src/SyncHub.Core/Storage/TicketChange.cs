using SyncHub.Domain;

namespace SyncHub.Storage;

/// <summary>An update of a stored ticket: the new state, the history lines and the outbox events it adds.</summary>
public sealed record TicketChange(
    Ticket Updated,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<OutboxEvent> Outbox)
{
    /// <summary>
    /// The key of the action this change carries out (an agent's <c>Idempotency-Key</c> on its route, a delivery's
    /// record): the store keeps it with the ticket in the same atomic step as the change, and a change whose key the
    /// ticket already holds is not applied again (the store returns the ticket as it is). Null: no such guard.
    /// </summary>
    public string? ActionKey { get; init; }
}
