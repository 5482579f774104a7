namespace SyncHub.Adapters.ZohoCrm;

/// <summary>A cached access token and when to replace it. <see cref="ToString"/> leaves the token out.</summary>
internal sealed record ZohoAccessToken(string Value, DateTimeOffset RefreshAt)
{
    public override string ToString() => $"ZohoAccessToken {{ RefreshAt = {RefreshAt:O} }}";
}
