namespace SyncHub.Adapters.Freshcaller;

/// <summary>The paging block of a Freshcaller list answer.</summary>
internal sealed record FreshcallerMeta(int? TotalPages, int? Current, int? TotalCount);
