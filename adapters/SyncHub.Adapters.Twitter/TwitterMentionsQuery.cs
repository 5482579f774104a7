namespace SyncHub.Adapters.Twitter;

/// <summary>
/// One request of a round: every page of a round carries the same <see cref="SinceId"/> (or <see cref="StartTime"/> on the
/// first sync) and the pages after the first their <see cref="PaginationToken"/>.
/// </summary>
internal sealed record TwitterMentionsQuery(string UserId, int PageSize, string? SinceId, DateTimeOffset? StartTime, string? PaginationToken);
