namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// One Get Records call: <c>GET /crm/{version}/{Module}?fields=..&amp;per_page=..&amp;page=..|page_token=..</c>
/// with <c>If-Modified-Since: {ModifiedSince}</c> when set. With <see cref="Deleted"/>, the module's list of deleted
/// records instead: <c>GET /crm/{version}/{Module}/deleted?type=all&amp;per_page=..&amp;page=..</c>, deleted since
/// <c>If-Modified-Since</c> (no fields, no page token).
/// </summary>
internal sealed record ZohoRecordsQuery(
    string Module,
    IReadOnlyList<string> Fields,
    int PageSize,
    int Page,
    string? PageToken,
    DateTimeOffset? ModifiedSince)
{
    /// <summary>Reads the module's deleted records (recycle bin and permanently deleted) rather than its records.</summary>
    public bool Deleted { get; init; }

    /// <summary>A page of <paramref name="module"/>'s deleted records, deleted since <paramref name="since"/>.</summary>
    public static ZohoRecordsQuery DeletedSince(string module, int pageSize, int page, DateTimeOffset since) =>
        new(module, [], pageSize, page, null, since) { Deleted = true };
}
