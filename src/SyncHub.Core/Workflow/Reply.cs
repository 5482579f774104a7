namespace SyncHub.Workflow;

/// <summary>An agent's answer to the customer, sent through the ticket's own channel.</summary>
public sealed record Reply(string Message, string? By);
