using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;

namespace SyncHub.Adapters.Twitter.Tests;

/// <summary>
/// WireMock playing the X API v2 mentions timeline (<c>/2/users/:id/mentions</c>) with its documented shapes: posts newest
/// first in <c>data</c>, authors in <c>includes.users</c>, <c>meta{newest_id, oldest_id, result_count, next_token}</c>, the
/// <c>x-rate-limit-*</c> headers on every answer, and the 429 problem body.
/// </summary>
internal sealed class TwitterFake : IDisposable
{
    public const string BearerToken = "AAAAAAAAAAAAAAAAAAAAAsupport-bearer-7d1e";
    public const string SupportUserId = "2244994945";
    public const string MentionsPath = "/2/users/" + SupportUserId + "/mentions";

    private readonly WireMockServer server = WireMockServer.Start();

    public string ApiUrl => server.Url!;

    public IReadOnlyList<ILogEntry> Requests => [.. server.LogEntries.Where(e => e.RequestMessage.Path == MentionsPath)];

    public IEnumerable<string?> RequestedTokens => Requests.Select(r => Query(r, "pagination_token"));

    public IEnumerable<string?> RequestedSinceIds => Requests.Select(r => Query(r, "since_id"));

    public static string? Query(ILogEntry entry, string name) =>
        entry.RequestMessage.Query?.FirstOrDefault(kv => Uri.UnescapeDataString(kv.Key) == name).Value?.FirstOrDefault();

    /// <summary>
    /// Answers the request with this since_id (null: none) and pagination_token (null: the first page of a round) with
    /// these posts, newest first, and a next_token when <paramref name="nextToken"/> is set.
    /// </summary>
    public void Page(string? sinceId, string? token, string? nextToken, JsonObject[] tweets, int remaining = 449, DateTimeOffset? reset = null) =>
        server
            .Given(Request.Create().WithPath(MentionsPath).UsingGet().WithParam(q => Get(q, "since_id") == sinceId && Get(q, "pagination_token") == token))
            .RespondWith(Json(200, Answer(tweets, nextToken), remaining, reset ?? DefaultReset));

    /// <summary>Answers the first request for this page with 429 (the window resets at <paramref name="reset"/>), then the page.</summary>
    public void RateLimitedOnceThen(DateTimeOffset reset, string? sinceId, string? token, string? nextToken, params JsonObject[] tweets)
    {
        var problem = new JsonObject { ["title"] = "Too Many Requests", ["detail"] = "Too Many Requests", ["type"] = "about:blank", ["status"] = 429 };
        server
            .Given(Request.Create().WithPath(MentionsPath).UsingGet())
            .InScenario("rate-limited")
            .WillSetStateTo("window reset")
            .RespondWith(Json(429, problem, 0, reset));
        server
            .Given(Request.Create().WithPath(MentionsPath).UsingGet().WithParam(q => Get(q, "since_id") == sinceId && Get(q, "pagination_token") == token))
            .InScenario("rate-limited")
            .WhenStateIs("window reset")
            .WillSetStateTo("window reset")
            .RespondWith(Json(200, Answer(tweets, nextToken), 449, reset.AddMinutes(15)));
    }

    /// <summary>Answers every mentions request with <paramref name="status"/> and an X problem body.</summary>
    public void Problem(int status, string title, string detail, string? invalidParameter = null, string? token = null)
    {
        var body = new JsonObject { ["title"] = title, ["detail"] = detail, ["type"] = "about:blank", ["status"] = status };
        if (invalidParameter is not null)
        {
            body["errors"] = new JsonArray(new JsonObject
            {
                ["parameters"] = new JsonObject { [invalidParameter] = new JsonArray(token) },
                ["message"] = $"The `{invalidParameter}` query parameter value [{token}] is not valid",
            });
            body["type"] = "https://api.twitter.com/2/problems/invalid-request";
        }

        var request = Request.Create().WithPath(MentionsPath).UsingGet();
        if (token is not null)
        {
            request = request.WithParam("pagination_token", token);
        }

        server.Given(request).RespondWith(Json(status, body, 449, DefaultReset));
    }

    /// <summary>Answers every mentions request with 429, the window resetting at <paramref name="reset"/>.</summary>
    public void RateLimited(DateTimeOffset reset) =>
        server
            .Given(Request.Create().WithPath(MentionsPath).UsingGet())
            .RespondWith(Json(429, new JsonObject { ["title"] = "Too Many Requests", ["detail"] = "Too Many Requests", ["type"] = "about:blank", ["status"] = 429 }, 0, reset));

    /// <summary>Forgets every answer, scenario state and logged request.</summary>
    public void Reset() => server.Reset();

    public static readonly DateTimeOffset DefaultReset = TwitterSettings.Now.AddMinutes(15);

    /// <summary>A mention as X returns it with the adapter's fields; <paramref name="editOf"/> makes it an edit of that post.</summary>
    public static JsonObject Tweet(
        string id,
        string text,
        string authorId = "1581460823420944385",
        string? conversationId = null,
        string created = "2026-11-30T11:30:00.000Z",
        string lang = "en",
        string? repliedTo = null,
        string? retweeted = null,
        string? noteText = null,
        string? editOf = null)
    {
        var tweet = new JsonObject
        {
            ["id"] = id,
            ["text"] = text,
            ["edit_history_tweet_ids"] = editOf is null ? new JsonArray(id) : new JsonArray(editOf, id),
            ["author_id"] = authorId,
            ["created_at"] = created,
            ["conversation_id"] = conversationId ?? id,
            ["lang"] = lang,
            ["entities"] = new JsonObject
            {
                ["mentions"] = new JsonArray(new JsonObject { ["start"] = 0, ["end"] = 11, ["username"] = "RocketChat", ["id"] = SupportUserId }),
            },
        };
        var references = new JsonArray();
        if (repliedTo is not null)
        {
            references.Add(new JsonObject { ["type"] = "replied_to", ["id"] = repliedTo });
        }

        if (retweeted is not null)
        {
            references.Add(new JsonObject { ["type"] = "retweeted", ["id"] = retweeted });
        }

        if (references.Count > 0)
        {
            tweet["referenced_tweets"] = references;
        }

        if (noteText is not null)
        {
            tweet["note_tweet"] = new JsonObject { ["text"] = noteText, ["entities"] = new JsonObject() };
        }

        return tweet;
    }

    public void Dispose() => server.Dispose();

    private static string? Get(IDictionary<string, WireMockList<string>>? query, string name) =>
        query?.FirstOrDefault(kv => Uri.UnescapeDataString(kv.Key) == name).Value?.FirstOrDefault();

    private static JsonObject Answer(JsonObject[] tweets, string? nextToken)
    {
        var meta = new JsonObject { ["result_count"] = tweets.Length };
        if (tweets.Length > 0)
        {
            meta["newest_id"] = tweets[0]["id"]!.GetValue<string>();
            meta["oldest_id"] = tweets[^1]["id"]!.GetValue<string>();
        }

        if (nextToken is not null)
        {
            meta["next_token"] = nextToken;
        }

        var answer = new JsonObject { ["meta"] = meta };
        if (tweets.Length > 0)
        {
            answer["data"] = new JsonArray([.. tweets.Select(t => t.DeepClone())]);
            var authors = tweets.Select(t => t["author_id"]!.GetValue<string>()).Distinct();
            answer["includes"] = new JsonObject
            {
                ["users"] = new JsonArray([.. authors.Select(a => (JsonNode)new JsonObject
                {
                    ["id"] = a,
                    ["name"] = a == SupportUserId ? "Rocket.Chat" : "Ana Souza",
                    ["username"] = a == SupportUserId ? "RocketChat" : "anasouza_dev",
                })]),
            };
        }

        return answer;
    }

    private static IResponseBuilder Json(int status, JsonObject body, int remaining, DateTimeOffset reset) =>
        Response.Create()
            .WithStatusCode(status)
            .WithHeader("Content-Type", "application/json; charset=utf-8")
            .WithHeader("x-rate-limit-limit", "450")
            .WithHeader("x-rate-limit-remaining", remaining.ToString(CultureInfo.InvariantCulture))
            .WithHeader("x-rate-limit-reset", reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
            .WithBody(body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
}
