namespace SyncHub.Adapters.Twitter;

/// <summary>The paging facts of a timeline answer; <see cref="NextToken"/> is absent on the last (oldest) page.</summary>
internal sealed record TwitterMeta(int? ResultCount, string? NewestId, string? OldestId, string? NextToken);
