namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// A cached access token, when to replace it (<see cref="RefreshAt"/>), when Zoho stops accepting it
/// (<see cref="ExpiresAt"/>) and the API domain its answer named. <see cref="ToString"/> leaves the token out.
/// </summary>
internal sealed record ZohoAccessToken(string Value, DateTimeOffset RefreshAt, DateTimeOffset ExpiresAt, Uri? ApiDomain)
{
    public override string ToString() => $"ZohoAccessToken {{ RefreshAt = {RefreshAt:O}, ExpiresAt = {ExpiresAt:O}, ApiDomain = {ApiDomain} }}";
}
