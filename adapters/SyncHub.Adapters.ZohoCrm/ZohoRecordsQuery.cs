namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// One Get Records call: <c>GET /crm/{version}/{Module}?fields=..&amp;per_page=..&amp;page=..|page_token=..</c>
/// with <c>If-Modified-Since: {ModifiedSince}</c> when set.
/// </summary>
internal sealed record ZohoRecordsQuery(
    string Module,
    IReadOnlyList<string> Fields,
    int PageSize,
    int Page,
    string? PageToken,
    DateTimeOffset? ModifiedSince);
