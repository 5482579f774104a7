namespace SyncHub.Workflow;

/// <summary>An agent's internal note on a ticket: shown to agents, never sent to the customer.</summary>
/// <param name="Text">The note.</param>
/// <param name="By">Who wrote it.</param>
/// <param name="IdempotencyKey">The request's <c>Idempotency-Key</c>: a retry with the same key changes nothing.</param>
public sealed record Note(string Text, string? By, string? IdempotencyKey = null);
