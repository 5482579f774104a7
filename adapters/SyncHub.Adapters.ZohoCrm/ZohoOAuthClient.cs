using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RestSharp;

namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// The Zoho accounts server: the OAuth refresh-token grant, <c>POST {AccountsUrl}/oauth/v2/token</c> with
/// <c>grant_type=refresh_token</c>, <c>client_id</c>, <c>client_secret</c> and <c>refresh_token</c> in the form
/// body (never in the URL, which proxies log). Zoho answers <c>{access_token, expires_in, api_domain, token_type}</c>
/// or <c>{"error": "invalid_code"}</c>. The accounts server is <see cref="ZohoCrmOptions.AccountsUrl"/>, else that of
/// <see cref="ZohoCrmOptions.DataCenter"/>. A refused grant throws <see cref="ZohoAuthenticationException"/>; a 5xx, 429
/// or no answer throws <see cref="ZohoCrmException"/> (transient).
/// </summary>
internal sealed class ZohoOAuthClient(IHttpClientFactory httpClients, IOptions<ZohoCrmOptions> options, ILogger<ZohoOAuthClient> logger)
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    public async Task<ZohoTokenAnswer> RefreshAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var accountsUrl = settings.AccountsServer();
        using var client = ZohoHttp.CreateRestClient(httpClients, ZohoHttp.AccountsClientName, accountsUrl);
        var request = new RestRequest("oauth/v2/token", Method.Post)
            .AddParameter("grant_type", "refresh_token")
            .AddParameter("client_id", settings.ClientId ?? "")
            .AddParameter("client_secret", settings.ClientSecret ?? "")
            .AddParameter("refresh_token", settings.RefreshToken ?? "");
        var response = await client.ExecuteAsync(request, cancellationToken);
        ZohoHttp.EnsureAnswered(response, $"The Zoho accounts server {accountsUrl}", cancellationToken);

        var body = ZohoHttp.Json(response);
        var accessToken = ZohoHttp.String(body, "access_token");
        if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(accessToken))
        {
            var code = ZohoHttp.String(body, "error") ?? $"HTTP {(int)response.StatusCode}";
            Log.TokenRefreshRefused(logger, code);
            if ((int)response.StatusCode >= 500 || response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
            {
                throw new ZohoCrmException($"The Zoho accounts server {accountsUrl} failed to refresh the access token ({code})", code);
            }

            throw new ZohoAuthenticationException(
                $"The Zoho accounts server {accountsUrl} refused to refresh the access token ({code}): check " +
                "SyncHub:Adapters:ZohoCrm:ClientId, :ClientSecret and :RefreshToken, and that :DataCenter (or :AccountsUrl) is the " +
                "data centre the client was registered in",
                code);
        }

        var apiDomain = Uri.TryCreate(ZohoHttp.String(body, "api_domain"), UriKind.Absolute, out var api) && ZohoCrmOptions.IsHttpUrl(api) ? api : null;
        if (apiDomain is not null && settings.BaseUrl is { } baseUrl
            && Uri.Compare(apiDomain, baseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            Log.ApiDomainMismatch(logger, apiDomain.ToString(), baseUrl);
        }

        return new ZohoTokenAnswer(accessToken, ExpiresIn(body), apiDomain);
    }

    private static TimeSpan ExpiresIn(JsonElement body)
    {
        if (body.TryGetProperty("expires_in", out var value))
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds) && seconds > 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (value.ValueKind == JsonValueKind.String
                && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out seconds) && seconds > 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }

        return DefaultLifetime;
    }
}
