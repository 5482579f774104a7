namespace SyncHub.Host.Endpoints;

/// <summary>The body of <c>POST /api/tickets/{id}/merge</c>: the id or number of the ticket that survives.</summary>
internal sealed record MergeRequest(string? Into);
