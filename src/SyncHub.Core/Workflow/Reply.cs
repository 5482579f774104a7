namespace SyncHub.Workflow;

/// <summary>An agent's answer to the customer, sent through the ticket's own channel.</summary>
/// <param name="Message">The text.</param>
/// <param name="By">Who answered.</param>
/// <param name="IdempotencyKey">The request's <c>Idempotency-Key</c>: a retry with the same key changes nothing.</param>
/// <param name="Replace">True when the agent chose to replace an answer the conversation already has (an app-store answer).</param>
public sealed record Reply(string Message, string? By, string? IdempotencyKey = null, bool Replace = false);
