namespace SyncHub.Host.ApiReference;

/// <summary>The answer of <c>GET /api/views</c>.</summary>
internal sealed record ViewListAnswer(IReadOnlyList<ViewItem> Items);
