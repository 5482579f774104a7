using System.Globalization;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;

namespace SyncHub.Host.Tests;

/// <summary>
/// WireMock playing the X API v2 for the support account: the mentions timeline (<c>GET /2/users/:id/mentions</c> with the
/// app's bearer token; one mention on the first round, nothing after a <c>since_id</c>) and public replies
/// (<c>POST /2/tweets</c> with the user's token, answered 201 <c>{data: {id, text, edit_history_tweet_ids}}</c>), with the
/// <c>x-rate-limit-*</c> headers and X's problem bodies. Other credentials are answered 401.
/// </summary>
internal sealed class XApiFake : IDisposable
{
    public const string BearerToken = "AAAAAAAAAAAAAAAAAAAAAhost-roundtrip-bearer-51a0";
    public const string UserAccessToken = "aG9zdC1yb3VuZHRyaXAtdXNlci10b2tlbi04ZTJk";
    public const string SupportUserId = "2244994945";
    public const string MentionsPath = "/2/users/" + SupportUserId + "/mentions";
    public const string MentionId = "1866123456789012345";
    public const string CustomerId = "1581460823420944385";
    public const string NewPostId = "1866123999999999001";
    public const string MentionText = "@RocketChat the desktop app asks me to log in again every hour since 6.4.0";

    private readonly WireMockServer server = WireMockServer.Start();

    public XApiFake(string replyText)
    {
        server
            .Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/2/*")).UsingAnyMethod())
            .AtPriority(100)
            .RespondWith(Json(401, Problem(401, "Unauthorized", "Unauthorized"), null));
        server
            .Given(App().WithPath(MentionsPath).UsingGet().WithParam(q => Get(q, "since_id") is null))
            .AtPriority(50)
            .RespondWith(Json(200, Mentions(), null));
        server
            .Given(App().WithPath(MentionsPath).UsingGet().WithParam(q => Get(q, "since_id") is not null))
            .AtPriority(50)
            .RespondWith(Json(200, new JsonObject { ["meta"] = new JsonObject { ["result_count"] = 0 } }, null));
        server
            .Given(User().WithPath("/2/tweets").UsingPost())
            .AtPriority(50)
            .RespondWith(Json(201, new JsonObject
            {
                ["data"] = new JsonObject { ["id"] = NewPostId, ["text"] = replyText, ["edit_history_tweet_ids"] = new JsonArray(NewPostId) },
            }, null));
    }

    public string ApiUrl => server.Url!;

    /// <summary>The POSTs X received, in order.</summary>
    public IReadOnlyList<IRequestMessage> Posts => [.. server.LogEntries.Select(e => e.RequestMessage).Where(r => r.Method == "POST")];

    public static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    /// <summary>
    /// <c>POST /2/tweets</c> is answered <paramref name="status"/> with X's problem body (and <c>x-rate-limit-reset</c> =
    /// <paramref name="reset"/>); with <paramref name="once"/> only the first, the later ones as usual.
    /// </summary>
    public void FailPosts(int status, string title, string detail, DateTimeOffset? reset = null, bool once = false)
    {
        var request = server.Given(User().WithPath("/2/tweets").UsingPost()).AtPriority(1);
        if (once)
        {
            request = request.InScenario("fail posts").WillSetStateTo("answered");
        }

        request.RespondWith(Json(status, Problem(status, title, detail), reset));
    }

    public void Dispose() => server.Dispose();

    private static IRequestBuilder App() => Request.Create().WithHeader("Authorization", "Bearer " + BearerToken);

    private static IRequestBuilder User() => Request.Create().WithHeader("Authorization", "Bearer " + UserAccessToken);

    private static string? Get(IDictionary<string, WireMockList<string>>? query, string name) =>
        query?.FirstOrDefault(kv => Uri.UnescapeDataString(kv.Key) == name).Value?.FirstOrDefault();

    /// <summary>The first page of the mentions timeline, as X documents it: one customer's mention and its author.</summary>
    private static JsonObject Mentions() => new()
    {
        ["data"] = new JsonArray(new JsonObject
        {
            ["id"] = MentionId,
            ["text"] = MentionText,
            ["edit_history_tweet_ids"] = new JsonArray(MentionId),
            ["author_id"] = CustomerId,
            ["created_at"] = "2026-11-30T11:30:00.000Z",
            ["conversation_id"] = MentionId,
            ["lang"] = "en",
            ["entities"] = new JsonObject
            {
                ["mentions"] = new JsonArray(new JsonObject { ["start"] = 0, ["end"] = 11, ["username"] = "RocketChat", ["id"] = SupportUserId }),
            },
        }),
        ["includes"] = new JsonObject
        {
            ["users"] = new JsonArray(new JsonObject { ["id"] = CustomerId, ["name"] = "Ana Souza", ["username"] = "anasouza_dev" }),
        },
        ["meta"] = new JsonObject { ["newest_id"] = MentionId, ["oldest_id"] = MentionId, ["result_count"] = 1 },
    };

    private static JsonObject Problem(int status, string title, string detail) =>
        new() { ["title"] = title, ["detail"] = detail, ["type"] = "about:blank", ["status"] = status };

    private static IResponseBuilder Json(int status, JsonObject body, DateTimeOffset? reset) =>
        Response.Create()
            .WithStatusCode(status)
            .WithHeader("Content-Type", "application/json; charset=utf-8")
            .WithHeader("x-rate-limit-limit", "450")
            .WithHeader("x-rate-limit-remaining", reset is null ? "449" : "0")
            .WithHeader("x-rate-limit-reset", (reset ?? DateTimeOffset.FromUnixTimeSeconds(4_102_444_800)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
            .WithBody(body.ToJsonString());
}
