using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RestSharp;

namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// The typed client of the Zoho CRM records API, authenticated with <c>Authorization: Zoho-oauthtoken ...</c>.
/// An access token the CRM rejects (<c>INVALID_TOKEN</c>, or 401) is refreshed once and the call retried once;
/// a second rejection fails loudly. 429 after the HTTP client's retries becomes <see cref="ZohoRateLimitedException"/>;
/// any other Zoho error body becomes <see cref="ZohoApiException"/> naming its code and message. Calls go to
/// <see cref="AdapterOptions.BaseUrl"/> when it is configured, else to the <c>api_domain</c> of the latest token answer,
/// else to the API domain of <see cref="ZohoCrmOptions.DataCenter"/>. The same client reads a module's deleted-records
/// list (<see cref="ZohoRecordsQuery.Deleted"/>), whose answer has the same <c>data</c> + <c>info</c> shape.
/// </summary>
internal sealed class ZohoCrmApiClient(
    IHttpClientFactory httpClients,
    ZohoTokenProvider tokens,
    IOptions<ZohoCrmOptions> options,
    TimeProvider time,
    ILogger<ZohoCrmApiClient> logger)
{
    private const string InvalidToken = "INVALID_TOKEN";
    private const string ScopeMismatch = "OAUTH_SCOPE_MISMATCH";

    public async Task<ZohoRecordsPage> GetRecordsAsync(ZohoRecordsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var token = await tokens.GetTokenAsync(cancellationToken);
        var response = await SendAsync(query, token, cancellationToken);
        if (RejectedToken(response) is { } code)
        {
            Log.TokenRejected(logger, query.Module, code);
            token = await tokens.RefreshAsync(token, cancellationToken);
            response = await SendAsync(query, token, cancellationToken);
            if (RejectedToken(response) is { } again)
            {
                throw new ZohoAuthenticationException(
                    $"Zoho CRM rejected a freshly refreshed access token reading {query.Module} ({again}: " +
                    $"{ZohoHttp.String(ZohoHttp.Json(response), "message") ?? "no message"}): check that " +
                    "SyncHub:Adapters:ZohoCrm:BaseUrl (if set) and :DataCenter (or :AccountsUrl) are in the same data centre and that the client " +
                    $"has the ZohoCRM.modules.{query.Module.ToLowerInvariant()}.READ scope",
                    again);
            }
        }

        return Read(response, query);
    }

    private async Task<RestResponse> SendAsync(ZohoRecordsQuery query, string token, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = ZohoHttp.CreateRestClient(httpClients, ZohoHttp.ApiClientName, settings.BaseUrl ?? tokens.ApiDomain ?? settings.DataCenterApiDomain());
        var request = query.Deleted
            ? new RestRequest($"crm/{settings.ApiVersion}/{query.Module}/deleted")
                .AddHeader("Authorization", $"Zoho-oauthtoken {token}")
                .AddQueryParameter("type", "all")
                .AddQueryParameter("per_page", query.PageSize.ToString(CultureInfo.InvariantCulture))
            : new RestRequest($"crm/{settings.ApiVersion}/{query.Module}")
                .AddHeader("Authorization", $"Zoho-oauthtoken {token}")
                .AddQueryParameter("fields", string.Join(',', query.Fields))
                .AddQueryParameter("per_page", query.PageSize.ToString(CultureInfo.InvariantCulture))
                .AddQueryParameter("sort_by", "id")
                .AddQueryParameter("sort_order", "asc");
        request = query.PageToken is { } pageToken
            ? request.AddQueryParameter("page_token", pageToken)
            : request.AddQueryParameter("page", query.Page.ToString(CultureInfo.InvariantCulture));
        if (query.ModifiedSince is { } since)
        {
            request.AddHeader("If-Modified-Since", since.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        }

        var response = await client.ExecuteAsync(request, cancellationToken);
        ZohoHttp.EnsureAnswered(response, $"Zoho CRM reading {What(query)}", cancellationToken);
        return response;
    }

    /// <summary>What a query reads, for messages: <c>Accounts</c>, or <c>the deleted Accounts</c>.</summary>
    private static string What(ZohoRecordsQuery query) => query.Deleted ? $"the deleted {query.Module}" : query.Module;

    /// <summary>The rejection code when the answer says the access token is not valid (not a missing scope).</summary>
    private static string? RejectedToken(RestResponse response)
    {
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified)
        {
            return null;
        }

        var code = ZohoHttp.String(ZohoHttp.Json(response), "code");
        return code == InvalidToken || (response.StatusCode == HttpStatusCode.Unauthorized && code != ScopeMismatch)
            ? code ?? "HTTP 401"
            : null;
    }

    private ZohoRecordsPage Read(RestResponse response, ZohoRecordsQuery query)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.NoContent or HttpStatusCode.NotModified:
                return ZohoRecordsPage.None;
            case HttpStatusCode.OK:
                return Page(ZohoHttp.Json(response), query);
        }

        var body = ZohoHttp.Json(response);
        var code = ZohoHttp.String(body, "code");
        var message = ZohoHttp.String(body, "message");
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new ZohoRateLimitedException(query.Module, ToolHttp.RetryAfter(response, time.GetUtcNow()), code);
        }

        if (code == ScopeMismatch)
        {
            throw new ZohoAuthenticationException(
                $"Zoho CRM refused to read {query.Module} ({code}: {message}): the OAuth client needs the " +
                $"ZohoCRM.modules.{query.Module.ToLowerInvariant()}.READ scope",
                code);
        }

        var details = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("details", out var value) ? value : default;
        throw new ZohoApiException(response.StatusCode, code, message, What(query)) { ParamName = ZohoHttp.String(details, "param_name") };
    }

    private static ZohoRecordsPage Page(JsonElement body, ZohoRecordsQuery query)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ZohoApiException(HttpStatusCode.OK, null, "the answer is not a JSON object", What(query));
        }

        var records = body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? [.. data.EnumerateArray()]
            : new List<JsonElement>();
        var info = body.TryGetProperty("info", out var value) ? value : default;
        var more = info.ValueKind == JsonValueKind.Object && info.TryGetProperty("more_records", out var flag) && flag.ValueKind == JsonValueKind.True;
        return new ZohoRecordsPage(records, more, ZohoHttp.String(info, "next_page_token"));
    }
}
