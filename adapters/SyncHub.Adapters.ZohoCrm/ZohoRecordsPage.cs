using System.Text.Json;

namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// A Get Records answer: the <c>data</c> records and the <c>info</c> block (<c>more_records</c>,
/// <c>next_page_token</c>); empty when Zoho answered 204 (no records) or 304 (nothing modified).
/// </summary>
internal sealed record ZohoRecordsPage(IReadOnlyList<JsonElement> Records, bool MoreRecords, string? NextPageToken)
{
    public static ZohoRecordsPage None { get; } = new([], false, null);
}
