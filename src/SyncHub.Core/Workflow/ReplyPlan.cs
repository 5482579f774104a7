using SyncHub.Domain;

namespace SyncHub.Workflow;

/// <summary>How a reply to a ticket goes out: the outbox event and where it goes, or why it cannot go.</summary>
/// <param name="Event">The event that carries the reply; null when it cannot go.</param>
/// <param name="Destination">Where it goes, for the agent ("e-mail to ana@example.com").</param>
/// <param name="Refusal">Why it cannot go, naming the channel and what is missing; null when it can.</param>
public sealed record ReplyPlan(OutboxEvent? Event, string? Destination, string? Refusal);
