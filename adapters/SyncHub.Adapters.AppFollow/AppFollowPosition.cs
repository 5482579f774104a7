namespace SyncHub.Adapters.AppFollow;

/// <summary>
/// Where the poll of one app stands: every review dated before <see cref="From"/> has been stored. While a window
/// <c>[From, To]</c> is being paged, <see cref="To"/> and the next <see cref="Page"/> are set.
/// </summary>
internal sealed record AppFollowPosition(DateOnly From, DateOnly? To = null, int? Page = null);
