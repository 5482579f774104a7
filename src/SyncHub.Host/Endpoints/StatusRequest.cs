namespace SyncHub.Host.Endpoints;

/// <summary>The body of <c>POST /api/tickets/{id}/status</c>.</summary>
internal sealed record StatusRequest(string? Status);
