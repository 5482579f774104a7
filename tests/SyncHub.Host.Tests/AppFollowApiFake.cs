using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SyncHub.Host.Tests;

/// <summary>
/// WireMock playing AppFollow's API v2 for one Google Play app: <c>GET reviews</c> lists one review in
/// <c>{"reviews": {"list": [...], "page": {next, prev, total}}}</c> (also when looked up by <c>review_id</c>, unanswered),
/// <c>POST reviews/reply</c> answers <c>{"success": true}</c>; the token goes in <c>X-AppFollow-API-Token</c>, any other is
/// answered 401.
/// </summary>
internal sealed class AppFollowApiFake : IDisposable
{
    public const string Token = "af-v2-token-host-roundtrip-2b7c";
    public const string AppId = "chat.rocket.android";
    public const string ReviewId = "gp:AOqpTOHK7x2mQw5rN1e";
    public const string ReplyPath = "/api/v2/reviews/reply";

    private readonly WireMockServer server = WireMockServer.Start();

    public AppFollowApiFake()
    {
        server
            .Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/api/v2/*")))
            .AtPriority(100)
            .RespondWith(Json(401, new JsonObject { ["error"] = new JsonObject { ["code"] = 401, ["message"] = "Invalid or expired API token" } }));
        server
            .Given(Request.Create().WithPath("/api/v2/reviews").UsingGet().WithHeader("X-AppFollow-API-Token", Token).WithParam("ext_id", AppId))
            .AtPriority(50)
            .RespondWith(Json(200, new JsonObject
            {
                ["reviews"] = new JsonObject
                {
                    ["list"] = new JsonArray(Review()),
                    ["page"] = new JsonObject { ["next"] = null, ["prev"] = null, ["total"] = 1 },
                },
            }));
        server
            .Given(Request.Create().WithPath(ReplyPath).UsingPost().WithHeader("X-AppFollow-API-Token", Token))
            .AtPriority(50)
            .RespondWith(Json(200, new JsonObject { ["success"] = true }));
    }

    public string ApiUrl => server.Url + "/api/v2/";

    /// <summary>The POSTs AppFollow received, in order.</summary>
    public IReadOnlyList<IRequestMessage> Posts => [.. server.LogEntries.Select(e => e.RequestMessage).Where(r => r.Method == "POST")];

    public void Dispose() => server.Dispose();

    /// <summary>A Google Play review as AppFollow lists it, not answered yet.</summary>
    private static JsonObject Review() => new()
    {
        ["id"] = 90_412_377,
        ["review_id"] = ReviewId,
        ["store"] = "gp",
        ["app_version"] = "4.2.0",
        ["rating"] = 2,
        ["title"] = "Crashes on start",
        ["content"] = "The app crashes every time I open a channel since the update.",
        ["author"] = "Ana Souza",
        ["date"] = "2026-11-30",
        ["time"] = "09:15:12",
        ["created"] = "2026-11-30 09:15:12",
        ["updated"] = "2026-11-30 09:15:12",
        ["locale"] = "pt",
        ["device"] = "Pixel 7",
        ["user_id"] = 120394,
        ["was_changed"] = 0,
        ["has_answer"] = 0,
        ["answer_text"] = "",
        ["answer_date"] = null,
        ["thumbs_up_cnt"] = 0,
        ["custom_status"] = "Opened",
    };

    private static IResponseBuilder Json(int status, JsonObject body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(body.ToJsonString());
}
