using System.Net;
using System.Text.Json;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SyncHub.Adapters.ZohoCrm.Tests;

/// <summary>
/// Plays Zoho: the accounts server's token endpoint and the CRM records API, answering with the payload shapes
/// of Zoho's documentation (<c>data</c> + <c>info</c>, error bodies, 204, 429 with Retry-After), and the modules'
/// deleted-records lists (<c>{id, display_name, type, deleted_by, deleted_time}</c> entries), which answer 204 (nothing
/// deleted) unless a test lists deletions.
/// </summary>
internal sealed class ZohoFake : IDisposable
{
    public const string ClientId = "1000.TESTCLIENTID";
    public const string ClientSecret = "client-secret-value-42";
    public const string RefreshToken = "1000.refresh-token-value-42";
    public const string FirstToken = "1000.access-one";
    public const string SecondToken = "1000.access-two";
    public const string Version = "v8";

    public ZohoFake() => Reset();

    public WireMockServer Server { get; } = WireMockServer.Start();

    public string Url => Server.Url!;

    /// <summary>The <c>api_domain</c> the token answers name; this server's own URL when unset.</summary>
    public string? ApiDomain { get; set; }

    /// <summary>Forgets every answer and logged request; the deleted-records lists answer 204 again.</summary>
    public void Reset()
    {
        Server.Reset();
        Server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher($"^/crm/{Version}/[A-Za-z0-9_]+/deleted$")).UsingGet())
            .AtPriority(1000)
            .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.NoContent));
    }

    /// <summary>
    /// Page <paramref name="page"/> of <paramref name="module"/>'s deleted records (<c>type=all</c>): each entry
    /// <c>(id, deleted_time, type)</c> as Zoho lists it, with <c>info.more_records</c> = <paramref name="more"/>.
    /// </summary>
    public ZohoFake Deleted(string module, int page, IReadOnlyList<(string Id, string DeletedTime, string Type)> records, bool more = false, string token = FirstToken)
    {
        Server.Given(Request.Create()
                .WithPath($"/crm/{Version}/{module}/deleted")
                .UsingGet()
                .WithHeader("Authorization", $"Zoho-oauthtoken {token}")
                .WithParam("type", "all")
                .WithParam("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .RespondWith(Json(HttpStatusCode.OK, new Dictionary<string, object?>
            {
                ["data"] = records.Select(r => new Dictionary<string, object?>
                {
                    ["deleted_by"] = new Dictionary<string, object?> { ["name"] = "Patricia Boyle", ["id"] = "554023000000235011" },
                    ["id"] = r.Id,
                    ["display_name"] = $"Record {r.Id}",
                    ["type"] = r.Type,
                    ["created_by"] = new Dictionary<string, object?> { ["name"] = "Patricia Boyle", ["id"] = "554023000000235011" },
                    ["deleted_time"] = r.DeletedTime,
                }).ToList(),
                ["info"] = new Dictionary<string, object?>
                {
                    ["per_page"] = 2,
                    ["count"] = records.Count,
                    ["page"] = page,
                    ["more_records"] = more,
                },
            }));
        return this;
    }

    /// <summary>Requests to <paramref name="module"/>'s deleted-records list.</summary>
    public IReadOnlyList<IRequestMessage> DeletedRequests(string module) => Requests($"/crm/{Version}/{module}/deleted");

    /// <summary>Answers the refresh-token grant with <paramref name="tokens"/> in turn (the last one repeats).</summary>
    public ZohoFake Tokens(params string[] tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            var request = Server.Given(Request.Create().WithPath("/oauth/v2/token").UsingPost());
            if (tokens.Length > 1)
            {
                request = request.InScenario("token");
            }

            request = i == 0 ? request : request.WhenStateIs($"token-{i}");
            if (i < tokens.Length - 1)
            {
                request = request.WillSetStateTo($"token-{i + 1}");
            }

            request.RespondWith(Json(HttpStatusCode.OK, new Dictionary<string, object?>
            {
                ["access_token"] = tokens[i],
                ["api_domain"] = ApiDomain ?? Url,
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
            }));
        }

        return this;
    }

    public ZohoFake TokenError(string error)
    {
        Server.Given(Request.Create().WithPath("/oauth/v2/token").UsingPost())
            .RespondWith(Json(HttpStatusCode.OK, new Dictionary<string, object?> { ["error"] = error }));
        return this;
    }

    /// <summary>A page of <paramref name="module"/> records, matched by <c>page</c> (or <c>page_token</c>) and the access token.</summary>
    public ZohoFake Page(
        string module,
        int page,
        IReadOnlyList<Dictionary<string, object?>> records,
        bool more,
        string? nextPageToken = null,
        string? pageToken = null,
        string token = FirstToken)
    {
        Server.Given(RecordsRequest(module, page, pageToken, token))
            .RespondWith(Json(HttpStatusCode.OK, new Dictionary<string, object?>
            {
                ["data"] = records,
                ["info"] = new Dictionary<string, object?>
                {
                    ["per_page"] = 2,
                    ["next_page_token"] = nextPageToken,
                    ["count"] = records.Count,
                    ["sort_by"] = "id",
                    ["page"] = page,
                    ["previous_page_token"] = null,
                    ["page_token_expiry"] = nextPageToken is null ? null : "2025-06-03T12:00:00+05:30",
                    ["sort_order"] = "asc",
                    ["more_records"] = more,
                },
            }));
        return this;
    }

    /// <summary>Answers a records call with a bare status (204 nothing modified, 304...).</summary>
    public ZohoFake Status(string module, int page, HttpStatusCode status, string token = FirstToken)
    {
        Server.Given(RecordsRequest(module, page, null, token)).RespondWith(Response.Create().WithStatusCode(status));
        return this;
    }

    /// <summary>Answers a records call with a Zoho error body.</summary>
    public ZohoFake Error(
        string module,
        int page,
        HttpStatusCode status,
        string code,
        string message,
        string? pageToken = null,
        string token = FirstToken,
        Dictionary<string, object?>? details = null)
    {
        Server.Given(RecordsRequest(module, page, pageToken, token)).RespondWith(ErrorResponse(status, code, message, details));
        return this;
    }

    public static IResponseBuilder ErrorResponse(HttpStatusCode status, string code, string message, Dictionary<string, object?>? details = null) =>
        Json(status, new Dictionary<string, object?>
        {
            ["code"] = code,
            ["details"] = details ?? new Dictionary<string, object?>(),
            ["message"] = message,
            ["status"] = "error",
        });

    public static IResponseBuilder Json(HttpStatusCode status, object body) =>
        Response.Create()
            .WithStatusCode(status)
            .WithHeader("Content-Type", "application/json;charset=UTF-8")
            .WithBody(JsonSerializer.Serialize(body));

    public static IRequestBuilder RecordsRequest(string module, int page, string? pageToken, string token)
    {
        var request = Request.Create()
            .WithPath($"/crm/{Version}/{module}")
            .UsingGet()
            .WithHeader("Authorization", $"Zoho-oauthtoken {token}");
        return pageToken is null ? request.WithParam("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) : request.WithParam("page_token", pageToken);
    }

    public IReadOnlyList<IRequestMessage> Requests(string path) =>
        [.. Server.LogEntries.Select(e => e.RequestMessage).Where(r => r.Path == path).OrderBy(r => r.DateTime)];

    public IReadOnlyList<IRequestMessage> TokenRequests() => Requests("/oauth/v2/token");

    public IReadOnlyList<IRequestMessage> RecordRequests(string module) => Requests($"/crm/{Version}/{module}");

    public static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    public static string? Query(IRequestMessage request, string name) =>
        request.Query?.FirstOrDefault(q => string.Equals(q.Key, name, StringComparison.Ordinal)).Value?.FirstOrDefault();

    public static Dictionary<string, object?> Account(
        string id,
        string name,
        string modified,
        string? plan = "Gold",
        string? type = "Customer",
        string? website = null,
        string? phone = null,
        string? expiry = null) =>
        new()
        {
            ["id"] = id,
            ["Account_Name"] = name,
            ["Plan"] = plan,
            ["Account_Type"] = type,
            ["Support_Expiry"] = expiry,
            ["Website"] = website,
            ["Phone"] = phone,
            ["Modified_Time"] = modified,
        };

    public static Dictionary<string, object?> Contact(
        string id,
        string accountId,
        string accountName,
        string modified,
        string? email = null,
        string? phone = null,
        string? mobile = null) =>
        new()
        {
            ["id"] = id,
            ["Email"] = email,
            ["Secondary_Email"] = null,
            ["Phone"] = phone,
            ["Mobile"] = mobile,
            ["Full_Name"] = $"Contact {id}",
            ["Account_Name"] = new Dictionary<string, object?> { ["name"] = accountName, ["id"] = accountId },
            ["Modified_Time"] = modified,
        };

    public void Dispose() => Server.Stop();
}
