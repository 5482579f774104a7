namespace SyncHub.Host.Endpoints;

/// <summary>The body of <c>POST /api/tickets/{id}/reply</c>.</summary>
internal sealed record ReplyRequest(string? Message, bool? Replace);
