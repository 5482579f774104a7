namespace SyncHub.Adapters.Freshcaller;

/// <summary>One page of calls of a time window, with the window's page and call counts.</summary>
internal sealed record FreshcallerCallsPage(IReadOnlyList<FreshcallerCall> Calls, int Page, int TotalPages, int TotalCount);
