namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// A Freshcaller user as <c>GET /users</c> lists it (the attributes the coverage check reads): <c>status</c> is the
/// user's availability (<c>1</c> online: connected and taking calls, <c>0</c> offline), <c>deleted</c> marks a removed
/// user, <c>teams</c> the teams the user answers for.
/// </summary>
internal sealed record FreshcallerUser(
    long? Id,
    string? Name,
    int? Status,
    bool? Deleted,
    string? Role,
    IReadOnlyList<FreshcallerTeam>? Teams);
