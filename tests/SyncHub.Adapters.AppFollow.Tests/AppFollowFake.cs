using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace SyncHub.Adapters.AppFollow.Tests;

/// <summary>
/// WireMock playing AppFollow's API v2 (<c>/api/v2/reviews</c>, <c>/api/v2/reviews/reply</c>) with the documented shapes:
/// reviews in <c>{"reviews": {"list": [...], "page": {"next", "prev", "total"}}}</c>, the token in
/// <c>X-AppFollow-API-Token</c> (any other token is answered 401), 429 with Retry-After, and a stateful review whose
/// <c>answer_text</c> shows the reply once one was posted.
/// </summary>
internal sealed class AppFollowFake : IDisposable
{
    public const string Token = "af-v2-token-5c1e7b";
    public const string ReviewsPath = "/api/v2/reviews";
    public const string ReplyPath = "/api/v2/reviews/reply";
    public const string Android = "chat.rocket.android";
    public const string Ios = "1148741252";

    private readonly WireMockServer server = WireMockServer.Start();

    public AppFollowFake() => Reset();

    /// <summary>Forgets every answer, scenario state and logged request; only the 401 for a wrong token stays.</summary>
    public void Reset()
    {
        server.Reset();

        // Any request without the configured token: AppFollow's 401.
        server
            .Given(Request.Create().WithPath(ReviewsPath, ReplyPath))
            .AtPriority(100)
            .RespondWith(Json(401, new JsonObject { ["error"] = new JsonObject { ["code"] = 401, ["message"] = "Invalid or expired API token" } }));
    }

    public string ApiUrl => server.Url + "/api/v2/";

    public IReadOnlyList<ILogEntry> ReviewRequests => [.. server.LogEntries.Where(e => e.RequestMessage.Path == ReviewsPath)];

    public IReadOnlyList<ILogEntry> ReplyRequests => [.. server.LogEntries.Where(e => e.RequestMessage.Path == ReplyPath)];

    /// <summary>Replies AppFollow accepted (answered 200).</summary>
    public IReadOnlyList<ILogEntry> AcceptedReplies => [.. ReplyRequests.Where(e => e.ResponseMessage.StatusCode is 200)];

    public static string? Query(ILogEntry entry, string name) =>
        entry.RequestMessage.Query?.FirstOrDefault(kv => Uri.UnescapeDataString(kv.Key) == name).Value?.FirstOrDefault();

    public static JsonObject Body(ILogEntry entry) => (JsonObject)JsonNode.Parse(entry.RequestMessage.Body!)!;

    /// <summary>Answers page <paramref name="page"/> of <paramref name="pages"/> of an app's reviews (any dates) with these reviews.</summary>
    public void Page(string appId, int page, int? next, int pages, params JsonObject[] reviews) =>
        server
            .Given(Request.Create().WithPath(ReviewsPath).UsingGet()
                .WithHeader("X-AppFollow-API-Token", Token)
                .WithParam("ext_id", appId)
                .WithParam("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .AtPriority(10)
            .RespondWith(Json(200, Answer(page, next, pages, reviews)));

    /// <summary>Answers every reviews request with <paramref name="status"/> and an error body.</summary>
    public void Error(int status, string message, string? retryAfter = null)
    {
        var response = Json(status, new JsonObject { ["error"] = new JsonObject { ["code"] = status, ["message"] = message } });
        server
            .Given(Request.Create().WithPath(ReviewsPath).UsingGet())
            .AtPriority(1)
            .RespondWith(retryAfter is null ? response : response.WithHeader("Retry-After", retryAfter));
    }

    /// <summary>The first reviews request is answered <paramref name="status"/> (with Retry-After), the next ones with one page.</summary>
    public void FailOnceThen(int status, string? retryAfter, string appId, params JsonObject[] reviews)
    {
        var failure = Json(status, new JsonObject { ["error"] = new JsonObject { ["code"] = status, ["message"] = "Too many requests" } });
        server
            .Given(Request.Create().WithPath(ReviewsPath).UsingGet().WithParam("ext_id", appId))
            .AtPriority(1)
            .InScenario("fail-once")
            .WillSetStateTo("failed")
            .RespondWith(retryAfter is null ? failure : failure.WithHeader("Retry-After", retryAfter));
        server
            .Given(Request.Create().WithPath(ReviewsPath).UsingGet().WithParam("ext_id", appId))
            .AtPriority(1)
            .InScenario("fail-once")
            .WhenStateIs("failed")
            .WillSetStateTo("failed")
            .RespondWith(Json(200, Answer(1, null, 1, reviews)));
    }

    /// <summary>
    /// One review that can be answered: looked up by <c>review_id</c> it shows no answer until a reply is accepted, then the
    /// accepted text (a later reply replaces it, as the stores do). The first <paramref name="failures"/> replies are
    /// answered <paramref name="failureStatus"/> and change nothing. A <paramref name="storeAnswer"/> is an answer the review
    /// already shows (given in the store on 2026-11-29).
    /// </summary>
    public void Answerable(string appId, JsonObject review, int failures = 0, int failureStatus = 503, string? storeAnswer = null)
    {
        var reviewId = review["review_id"]!.ToString();
        var gate = new Lock();
        var answer = storeAnswer;
        var failuresLeft = failures;
        server
            .Given(Request.Create().WithPath(ReviewsPath).UsingGet()
                .WithHeader("X-AppFollow-API-Token", Token)
                .WithParam("ext_id", appId)
                .WithParam("review_id", reviewId))
            .AtPriority(5)
            .RespondWith(Response.Create().WithCallback(_ =>
            {
                var shown = (JsonObject)review.DeepClone();
                lock (gate)
                {
                    shown["answer_text"] = answer ?? "";
                    shown["has_answer"] = answer is null ? 0 : 1;
                    shown["answer_date"] = answer is null ? null : "2026-11-29";
                }

                return Message(200, Answer(1, null, 1, [shown]));
            }));
        server
            .Given(Request.Create().WithPath(ReplyPath).UsingPost().WithHeader("X-AppFollow-API-Token", Token))
            .AtPriority(5)
            .RespondWith(Response.Create().WithCallback(request =>
            {
                lock (gate)
                {
                    if (failuresLeft > 0)
                    {
                        failuresLeft--;
                        return Message(failureStatus, new JsonObject { ["error"] = new JsonObject { ["code"] = failureStatus, ["message"] = "Upstream store error" } });
                    }

                    answer = JsonNode.Parse(request.Body!)!["answer_text"]!.GetValue<string>();
                    return Message(200, new JsonObject { ["success"] = true });
                }
            }));
    }

    /// <summary>A review as AppFollow's reviews method lists it (the documented fields, values of a real review).</summary>
    public static JsonObject Review(
        object reviewId,
        string date = "2026-11-30",
        string time = "09:15:12",
        int rating = 2,
        string title = "Crashes on start",
        string content = "The app crashes every time I open a channel since the update.",
        string version = "4.2.0",
        string store = "gp",
        int wasChanged = 0,
        string? updated = null,
        string author = "Ana Souza",
        string? track = null,
        string? answer = null,
        string? answerDate = null)
    {
        var review = new JsonObject
        {
            ["id"] = 90_000_000 + Math.Abs(reviewId.GetHashCode() % 1_000_000),
            ["review_id"] = reviewId is string text ? JsonValue.Create(text) : JsonValue.Create(Convert.ToInt64(reviewId, System.Globalization.CultureInfo.InvariantCulture)),
            ["store"] = store,
            ["app_version"] = version,
            ["rating"] = rating,
            ["title"] = title,
            ["content"] = content,
            ["author"] = author,
            ["date"] = date,
            ["time"] = time,
            ["created"] = $"{date} {time}",
            ["updated"] = updated ?? $"{date} {time}",
            ["locale"] = "pt",
            ["country"] = store == "as" ? "BR" : null,
            ["device"] = store == "gp" ? "Pixel 7" : "iPhone14,5",
            ["user_id"] = 120394,
            ["was_changed"] = wasChanged,
            ["has_answer"] = answer is null ? 0 : 1,
            ["answer_text"] = answer ?? "",
            ["answer_date"] = answerDate,
            ["thumbs_up_cnt"] = 0,
            ["custom_status"] = "Opened",
        };
        if (track is not null)
        {
            review["track"] = track;
        }

        return review;
    }

    public void Dispose() => server.Dispose();

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonObject Answer(int page, int? next, int total, JsonObject[] reviews) => new()
    {
        ["reviews"] = new JsonObject
        {
            ["list"] = new JsonArray([.. reviews.Select(r => r.DeepClone())]),
            ["page"] = new JsonObject { ["next"] = next, ["prev"] = page > 1 ? page - 1 : null, ["total"] = total },
        },
    };

    private static ResponseMessage Message(int status, JsonObject body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json; charset=utf-8") },
        BodyData = new BodyData { BodyAsString = body.ToJsonString(Options), DetectedBodyType = BodyType.String },
    };

    private static IResponseBuilder Json(int status, JsonObject body) =>
        Response.Create()
            .WithStatusCode(status)
            .WithHeader("Content-Type", "application/json; charset=utf-8")
            .WithBody(body.ToJsonString(Options));
}
