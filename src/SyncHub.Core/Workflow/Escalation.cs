namespace SyncHub.Workflow;

/// <summary>An escalation: the team, the responsible person's chat user name, and a note for them.</summary>
public sealed record Escalation(string Team, string Assignee, string? Note, string? By, string? IdempotencyKey = null);
