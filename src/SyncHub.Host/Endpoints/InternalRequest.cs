namespace SyncHub.Host.Endpoints;

/// <summary>The body of <c>POST /api/tickets</c>: an internal request created by an agent.</summary>
internal sealed record InternalRequest(
    string? Subject,
    string? Message,
    InternalRequester? Requester,
    string? Priority,
    string? Agent);
