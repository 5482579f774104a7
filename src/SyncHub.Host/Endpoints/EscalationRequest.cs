namespace SyncHub.Host.Endpoints;

/// <summary>The body of <c>POST /api/tickets/{id}/escalate</c>.</summary>
internal sealed record EscalationRequest(string? Team, string? Assignee, string? Note);
