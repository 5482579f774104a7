namespace SyncHub.Host.ApiReference;

/// <summary>The answer of <c>GET /api/tickets/{id}/reply-target</c> as the API reference describes it.</summary>
internal sealed record ReplyTargetAnswer(string Channel, bool CanReply, string? Via, string? Destination, string? Reason);
