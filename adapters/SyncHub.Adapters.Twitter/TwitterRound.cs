namespace SyncHub.Adapters.Twitter;

/// <summary>A round being paged: the newest mention id seen since it began (none yet on an empty page), and the token of its next (older) page.</summary>
internal sealed record TwitterRound(string? NewestId, string PaginationToken);
