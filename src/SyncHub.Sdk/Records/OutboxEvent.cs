namespace SyncHub.Domain;

/// <summary>
/// A side effect to deliver after a ticket change (chat alert, follow-up mail, review reply). Written to
/// the outbox in the same atomic step as the change; <see cref="Id"/> is the idempotency key notifiers use.
/// </summary>
public sealed record OutboxEvent
{
    public required string Id { get; init; }

    /// <summary>What happened, e.g. <c>ticket.created</c>, <c>ticket.escalated</c>, <c>review.reply</c>.</summary>
    public required string Type { get; init; }

    public required string TicketId { get; init; }

    /// <summary>The ticket's human number; filled in by the store when the ticket is created in the same step.</summary>
    public long TicketNumber { get; init; }

    /// <summary>The notifier that should deliver it (its adapter name), or null for any subscriber.</summary>
    public string? Target { get; init; }

    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();

    public required DateTimeOffset CreatedAt { get; init; }
}
