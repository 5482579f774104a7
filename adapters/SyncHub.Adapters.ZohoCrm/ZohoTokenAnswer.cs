namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// The accounts server's answer to a refresh-token grant; <see cref="ApiDomain"/> is its <c>api_domain</c> (the CRM's
/// data centre) when it is an absolute http(s) URL. <see cref="ToString"/> leaves the token out.
/// </summary>
internal sealed record ZohoTokenAnswer(string AccessToken, TimeSpan ExpiresIn, Uri? ApiDomain)
{
    public override string ToString() => $"ZohoTokenAnswer {{ ExpiresIn = {ExpiresIn}, ApiDomain = {ApiDomain} }}";
}
