namespace SyncHub.Adapters.ZohoCrm;

/// <summary>The accounts server's answer to a refresh-token grant. <see cref="ToString"/> leaves the token out.</summary>
internal sealed record ZohoTokenAnswer(string AccessToken, TimeSpan ExpiresIn, string? ApiDomain)
{
    public override string ToString() => $"ZohoTokenAnswer {{ ExpiresIn = {ExpiresIn}, ApiDomain = {ApiDomain} }}";
}
