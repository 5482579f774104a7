namespace SyncHub.Adapters.Freshcaller;

/// <summary>The body of <c>GET /calls</c>: <c>{"calls": [...], "meta": {"total_pages", "current", "total_count"}}</c>.</summary>
internal sealed record FreshcallerCallsAnswer(IReadOnlyList<FreshcallerCall>? Calls, FreshcallerMeta? Meta);
