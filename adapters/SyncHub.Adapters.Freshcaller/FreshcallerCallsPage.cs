namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// One page of calls of a time window, with the window's page and call counts, and the calls of the page that could
/// not be read (<see cref="Unreadable"/>).
/// </summary>
internal sealed record FreshcallerCallsPage(
    IReadOnlyList<FreshcallerCall> Calls,
    int Page,
    int TotalPages,
    int TotalCount,
    IReadOnlyList<FreshcallerUnreadableCall> Unreadable);
