namespace SyncHub.Adapters.AppFollow;

/// <summary>AppFollow's paging block: the next and previous page numbers (null at the ends) and the number of pages.</summary>
internal sealed record AppFollowPage(int? Next = null, int? Prev = null, int? Total = null);
