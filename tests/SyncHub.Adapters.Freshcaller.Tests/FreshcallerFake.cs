using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace SyncHub.Adapters.Freshcaller.Tests;

/// <summary>
/// WireMock playing a Freshcaller account's API (<c>/api/v1/calls</c>) with the documented answer shapes: calls in
/// <c>{"calls": [...], "meta": {"total_pages", "current", "total_count"}}</c>, errors as
/// <c>{"error_type", "message", "errors"}</c>, and 429 with Retry-After; and the users list (<c>/api/v1/users</c>) the
/// hotline coverage check reads, <c>{"users": [...], "meta": {...}}</c>.
/// </summary>
internal sealed class FreshcallerFake : IDisposable
{
    public const string ApiKey = "fc-api-key-3b1d9e";
    public const string CallsPath = "/api/v1/calls";
    public const string UsersPath = "/api/v1/users";

    private readonly WireMockServer server = WireMockServer.Start();

    public string ApiUrl => server.Url + "/api/v1";

    public IReadOnlyList<ILogEntry> Requests => [.. server.LogEntries.Where(e => e.RequestMessage.Path == CallsPath)];

    /// <summary>The requests for the users list, in order.</summary>
    public IReadOnlyList<ILogEntry> UserRequests => [.. server.LogEntries.Where(e => e.RequestMessage.Path == UsersPath)];

    /// <summary>Answers every users request (any page) with these users on one page, replacing earlier users answers.</summary>
    public void Users(params JsonObject[] users)
    {
        ForgetUsersAnswers();
        server
            .Given(Request.Create().WithPath(UsersPath).UsingGet())
            .WithTitle(UsersPath)
            .RespondWith(Json(200, new JsonObject
            {
                ["users"] = new JsonArray([.. users.Select(u => u.DeepClone())]),
                ["meta"] = new JsonObject { ["total_pages"] = 1, ["current"] = 1, ["total_count"] = users.Length },
            }));
    }

    /// <summary>Answers page <paramref name="page"/> of the users list with these users.</summary>
    public void UsersPage(int page, int totalPages, params JsonObject[] users) =>
        server
            .Given(Request.Create().WithPath(UsersPath).UsingGet().WithParam("page", page.ToString(CultureInfo.InvariantCulture)))
            .RespondWith(Json(200, new JsonObject
            {
                ["users"] = new JsonArray([.. users.Select(u => u.DeepClone())]),
                ["meta"] = new JsonObject { ["total_pages"] = totalPages, ["current"] = page, ["total_count"] = users.Length },
            }));

    /// <summary>Answers every users request with <paramref name="status"/> and a Freshcaller error body (and Retry-After when given).</summary>
    public void UsersError(int status, string errorType, string message, string? retryAfter = null)
    {
        ForgetUsersAnswers();
        var response = Json(status, new JsonObject { ["error_type"] = errorType, ["message"] = message, ["errors"] = new JsonArray() });
        server
            .Given(Request.Create().WithPath(UsersPath).UsingGet())
            .WithTitle(UsersPath)
            .RespondWith(retryAfter is null ? response : response.WithHeader("Retry-After", retryAfter));
    }

    private void ForgetUsersAnswers()
    {
        foreach (var mapping in server.Mappings.Where(m => m.Title == UsersPath).ToList())
        {
            server.DeleteMapping(mapping.Guid);
        }
    }

    /// <summary>
    /// A user as Freshcaller's users list returns it: <c>status</c> 1 is online (available), 0 offline; <c>deleted</c>
    /// marks a removed user.
    /// </summary>
    public static JsonObject User(long id, string name, int status, bool deleted = false, string role = "Agent", params string[] teams) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["email"] = $"{name.Split(' ')[0].ToLowerInvariant()}@support.example",
        ["phone"] = null,
        ["status"] = status,
        ["preference"] = 1,
        ["mobile_app_preference"] = 0,
        ["last_call_time"] = "2026-11-30T10:41:12.000Z",
        ["last_seen_time"] = "2026-11-30T11:58:03.000Z",
        ["confirmed"] = true,
        ["language"] = "en",
        ["time_zone"] = "Brasilia",
        ["deleted"] = deleted,
        ["role"] = role,
        ["teams"] = new JsonArray([.. teams.Select((t, i) => (JsonNode)new JsonObject { ["id"] = 10 + i, ["name"] = t, ["description"] = null, ["omni_channel"] = false })]),
    };

    public IEnumerable<string?> RequestedPages => Requests.Select(r => Query(r, "page"));

    /// <summary>A query parameter of a logged request, its name decoded (<c>by_time%5Bfrom%5D</c> is <c>by_time[from]</c>).</summary>
    public static string? Query(ILogEntry entry, string name) => Query(entry.RequestMessage.Query, name);

    private static string? Query(IDictionary<string, WireMockList<string>>? query, string name) =>
        query?.FirstOrDefault(kv => Uri.UnescapeDataString(kv.Key) == name).Value?.FirstOrDefault();

    /// <summary>Answers page <paramref name="page"/> of the calls list (any window) with these calls.</summary>
    public void Page(int page, int totalPages, int totalCount, params JsonObject[] calls) =>
        server
            .Given(Request.Create().WithPath(CallsPath).UsingGet().WithParam("page", page.ToString(CultureInfo.InvariantCulture)))
            .RespondWith(Json(200, Answer(page, totalPages, totalCount, calls)));

    /// <summary>Answers every calls request whose <c>by_time[from]</c> is <paramref name="from"/> with one page.</summary>
    public void Window(string from, params JsonObject[] calls) =>
        server
            .Given(Request.Create().WithPath(CallsPath).UsingGet().WithParam(query => Query(query, "by_time[from]") == from))
            .RespondWith(Json(200, Answer(1, calls.Length == 0 ? 0 : 1, calls.Length, calls)));

    /// <summary>Answers every calls request with <paramref name="status"/> and a Freshcaller error body (and Retry-After when given).</summary>
    public void Error(int status, string errorType, string message, string? retryAfter = null)
    {
        var response = Json(status, new JsonObject { ["error_type"] = errorType, ["message"] = message, ["errors"] = new JsonArray() });
        server
            .Given(Request.Create().WithPath(CallsPath).UsingGet())
            .RespondWith(retryAfter is null ? response : response.WithHeader("Retry-After", retryAfter));
    }

    /// <summary>Forgets every answer and every logged request.</summary>
    public void Reset() => server.Reset();

    /// <summary>Answers the first request with <paramref name="status"/> (429 with Retry-After, or a 5xx), then every request with one page.</summary>
    public void FailOnceThen(int status, string? retryAfter, params JsonObject[] calls)
    {
        var failed = 0;
        var failure = new JsonObject { ["error_type"] = status == 429 ? "too_many_requests" : "internal_error", ["message"] = "try later" };
        server
            .Given(Request.Create().WithPath(CallsPath).UsingGet())
            .RespondWith(Response.Create().WithCallback(_ =>
            {
                if (Interlocked.Exchange(ref failed, 1) == 1)
                {
                    return Message(200, Answer(1, 1, calls.Length, calls), null);
                }

                return Message(status, failure, retryAfter);
            }));
    }

    /// <summary>A call as Freshcaller's API returns it (the documented attributes, values of a real hotline call).</summary>
    public static JsonObject Call(
        long id,
        string created,
        string customerNumber = "+5511987654321",
        string? notes = "Customer cannot log in after the upgrade to 6.4; all users affected.",
        string direction = "incoming",
        long? parentCallId = null,
        string customerName = "Ana Souza") => new()
    {
        ["id"] = id,
        ["direction"] = direction,
        ["parent_call_id"] = parentCallId,
        ["root_call_id"] = parentCallId,
        ["phone_number_id"] = 49373,
        ["phone_number"] = "+551142001124",
        ["assigned_agent_id"] = 578795,
        ["assigned_agent_name"] = "João Gabriel",
        ["assigned_team_id"] = 12,
        ["assigned_team_name"] = "Hotline",
        ["assigned_call_queue_id"] = 7,
        ["assigned_call_queue_name"] = "Paid support",
        ["assigned_ivr_id"] = null,
        ["assigned_ivr_name"] = null,
        ["bill_duration"] = 184.0,
        ["bill_duration_unit"] = "seconds",
        ["created_time"] = created,
        ["updated_time"] = created,
        ["call_notes"] = notes,
        ["recording"] = new JsonObject
        {
            ["id"] = 9001,
            ["url"] = $"https://acme.freshcaller.com/api/v1/calls/{id}/recording",
            ["transcription_url"] = null,
            ["duration"] = 180,
            ["duration_unit"] = "seconds",
        },
        ["recording_to_redact"] = null,
        ["integrated_resources"] = new JsonArray(),
        ["participants"] = new JsonArray
        {
            new JsonObject
            {
                ["id"] = id * 10,
                ["call_id"] = id,
                ["caller_id"] = 33460041,
                ["caller_number"] = customerNumber,
                ["caller_name"] = customerName,
                ["participant_id"] = 37931648,
                ["participant_type"] = "Customer",
                ["connection_type"] = 0,
                ["call_status"] = 1,
                ["duration"] = 184,
                ["duration_unit"] = "seconds",
                ["cost"] = 0.0,
                ["cost_unit"] = "usd",
                ["enqueued_time"] = null,
                ["created_time"] = created,
                ["updated_time"] = created,
            },
            new JsonObject
            {
                ["id"] = (id * 10) + 1,
                ["call_id"] = id,
                ["caller_id"] = null,
                ["caller_number"] = null,
                ["caller_name"] = null,
                ["participant_id"] = 578795,
                ["participant_type"] = "Agent",
                ["connection_type"] = 1,
                ["call_status"] = 1,
                ["duration"] = 180,
                ["duration_unit"] = "seconds",
                ["cost"] = null,
                ["cost_unit"] = "usd",
                ["enqueued_time"] = null,
                ["created_time"] = created,
                ["updated_time"] = created,
            },
        },
    };

    public void Dispose() => server.Dispose();

    private static JsonObject Answer(int page, int totalPages, int totalCount, JsonObject[] calls) => new()
    {
        ["calls"] = new JsonArray([.. calls.Select(c => c.DeepClone())]),
        ["meta"] = new JsonObject { ["total_pages"] = totalPages, ["current"] = page, ["total_count"] = totalCount },
    };

    private static ResponseMessage Message(int status, JsonObject body, string? retryAfter)
    {
        var headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json; charset=utf-8") };
        if (retryAfter is not null)
        {
            headers["Retry-After"] = new(retryAfter);
        }

        return new ResponseMessage
        {
            StatusCode = status,
            Headers = headers,
            BodyData = new BodyData { BodyAsString = body.ToJsonString(JsonOptions), DetectedBodyType = BodyType.String },
        };
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IResponseBuilder Json(int status, JsonObject body) =>
        Response.Create()
            .WithStatusCode(status)
            .WithHeader("Content-Type", "application/json; charset=utf-8")
            .WithBody(body.ToJsonString(JsonOptions));
}
