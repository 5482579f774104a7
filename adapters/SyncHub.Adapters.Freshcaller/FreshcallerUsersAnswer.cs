namespace SyncHub.Adapters.Freshcaller;

/// <summary>The body of <c>GET /users</c>: <c>{"users": [...], "meta": {"total_pages", "current", "total_count"}}</c>.</summary>
internal sealed record FreshcallerUsersAnswer(IReadOnlyList<FreshcallerUser>? Users, FreshcallerMeta? Meta);
