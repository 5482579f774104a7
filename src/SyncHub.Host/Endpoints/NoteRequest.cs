namespace SyncHub.Host.Endpoints;

/// <summary>The body of <c>POST /api/tickets/{id}/note</c>.</summary>
internal sealed record NoteRequest(string? Text);
