namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// A time window being paged: its exclusive end, the next page to read, the page size it is paged with (kept even if
/// the setting changes meanwhile, so page numbers keep their meaning), the call count Freshcaller gave for the window
/// when paging began (a different count later means the window changed and is read again), and whether Freshcaller
/// lists it newest first (then pages are read last to first, so the oldest calls come first).
/// </summary>
internal sealed record FreshcallerWindow(DateTimeOffset To, int NextPage, int PageSize, int TotalCount, bool Descending);
