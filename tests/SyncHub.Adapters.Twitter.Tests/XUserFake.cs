using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace SyncHub.Adapters.Twitter.Tests;

/// <summary>
/// WireMock playing X as the support account (user context) with its documented shapes: <c>POST /2/tweets</c> answers 201
/// <c>{data: {id, text}}</c> and refuses a post identical to an earlier one with 403 "duplicate content"; the account's
/// timeline <c>GET /2/users/:id/tweets</c> lists its replies; <c>POST /2/dm_conversations/with/:id/messages</c> answers 201
/// <c>{data: {dm_conversation_id, dm_event_id}}</c>; <c>GET /2/dm_events</c> serves arranged pages by <c>pagination_token</c>;
/// <c>POST /2/oauth2/token</c> rotates the OAuth 2.0 pair. Requests without the accepted credentials get 401.
/// </summary>
internal sealed class XUserFake : IDisposable
{
    public const string UserAccessToken = "dXNlci1hY2Nlc3MtdG9rZW4tM2Y5Yw";
    public const string RefreshedAccessToken = "cmVmcmVzaGVkLWFjY2Vzcy03N2Ex";
    public const string UserRefreshToken = "dXNlci1yZWZyZXNoLTViMmU";
    public const string RotatedRefreshToken = "cm90YXRlZC1yZWZyZXNoLTlkMGM";
    public const string ClientId = "M1M5R3BJS0J0QnFvR2Rkdz09:1:ci";
    public const string ClientSecret = "client-secret-4e1c-Qx7";

    // OAuth 1.0a keys of X's "Creating a signature" example.
    public const string ConsumerKey = "xvz1evFS4wEEPTGEFPHBog";
    public const string ConsumerSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw";
    public const string AccessToken = "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb";
    public const string AccessTokenSecret = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE";

    public const string CustomerId = "1581460823420944385";

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WireMockServer server = WireMockServer.Start();
    private readonly Lock gate = new();
    private readonly List<(string Id, string Text, string InReplyTo)> posts = [];
    private readonly List<(string Id, string ParticipantId, string Text)> messages = [];
    private readonly Dictionary<string, JsonObject> dmPages = new(StringComparer.Ordinal);
    private long nextId = 1870000000000000000;
    private string acceptedBearer = UserAccessToken;
    private bool refreshAccepted = true;
    private (int Status, JsonObject Body, DateTimeOffset? Reset)? writeFailure;

    public XUserFake() =>
        server.Given(Request.Create().WithPath(new WildcardMatcher("/2/*")).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(Handle));

    public string ApiUrl => server.Url!;

    /// <summary>Every request X received, in order: method, path, Authorization header and body.</summary>
    public IReadOnlyList<(string Method, string Path, string? Authorization, string? Body)> Requests =>
        [.. server.LogEntries.Select(e => (e.RequestMessage.Method, e.RequestMessage.Path, Header(e.RequestMessage.Headers, "Authorization"), e.RequestMessage.Body))];

    /// <summary>The query parameters of every <c>GET /2/dm_events</c>, decoded.</summary>
    public IReadOnlyList<Dictionary<string, string>> RequestQueries =>
        [.. server.LogEntries.Where(e => e.RequestMessage.Path == "/2/dm_events").Select(e => (e.RequestMessage.Query ?? new Dictionary<string, WireMockList<string>>())
            .ToDictionary(kv => Uri.UnescapeDataString(kv.Key), kv => kv.Value.FirstOrDefault() ?? "", StringComparer.Ordinal))];

    public IReadOnlyList<(string Id, string Text, string InReplyTo)> Posts
    {
        get
        {
            lock (gate)
            {
                return [.. posts];
            }
        }
    }

    public IReadOnlyList<(string Id, string ParticipantId, string Text)> Messages
    {
        get
        {
            lock (gate)
            {
                return [.. messages];
            }
        }
    }

    /// <summary>X no longer takes the configured access token; a refresh gives <see cref="RefreshedAccessToken"/>.</summary>
    public void ExpireAccessToken(bool refreshAccepted = true)
    {
        lock (gate)
        {
            acceptedBearer = RefreshedAccessToken;
            this.refreshAccepted = refreshAccepted;
        }
    }

    /// <summary>Every post and direct message is answered with <paramref name="status"/> and X's problem body.</summary>
    public void FailWrites(int status, string title, string detail, DateTimeOffset? reset = null, JsonArray? errors = null)
    {
        var body = new JsonObject { ["title"] = title, ["detail"] = detail, ["type"] = "about:blank", ["status"] = status };
        if (errors is not null)
        {
            body["errors"] = errors;
            body["type"] = "https://api.twitter.com/2/problems/invalid-request";
        }

        lock (gate)
        {
            writeFailure = (status, body, reset);
        }
    }

    public void AcceptWrites()
    {
        lock (gate)
        {
            writeFailure = null;
        }
    }

    /// <summary>Serves <paramref name="events"/> (newest first) for the request with <paramref name="token"/> (null: the first page).</summary>
    public void DmPage(string? token, string? nextToken, params JsonObject[] events)
    {
        var meta = new JsonObject { ["result_count"] = events.Length };
        if (nextToken is not null)
        {
            meta["next_token"] = nextToken;
        }

        var answer = new JsonObject { ["meta"] = meta };
        if (events.Length > 0)
        {
            answer["data"] = new JsonArray([.. events.Select(e => e.DeepClone())]);
            answer["includes"] = new JsonObject
            {
                ["users"] = new JsonArray([.. events.Select(e => e["sender_id"]!.GetValue<string>()).Distinct().Select(id => (JsonNode)new JsonObject
                {
                    ["id"] = id,
                    ["name"] = id == TwitterFake.SupportUserId ? "Rocket.Chat" : "Ana Souza",
                    ["username"] = id == TwitterFake.SupportUserId ? "RocketChat" : "anasouza_dev",
                })]),
            };
        }

        lock (gate)
        {
            dmPages[token ?? ""] = answer;
        }
    }

    /// <summary>A direct-message event as <c>GET /2/dm_events</c> lists it with the adapter's fields.</summary>
    public static JsonObject Dm(string id, string text, string senderId = CustomerId, string created = "2026-11-30T11:40:00.000Z") => new()
    {
        ["id"] = id,
        ["text"] = text,
        ["event_type"] = "MessageCreate",
        ["dm_conversation_id"] = $"{CustomerId}-{TwitterFake.SupportUserId}",
        ["created_at"] = created,
        ["sender_id"] = senderId,
        ["participant_ids"] = new JsonArray(CustomerId, TwitterFake.SupportUserId),
    };

    public void Dispose() => server.Dispose();

    private ResponseMessage Handle(IRequestMessage request)
    {
        lock (gate)
        {
            var path = request.Path;
            if (path == "/2/oauth2/token")
            {
                return Token(request);
            }

            if (path == TwitterFake.MentionsPath && Header(request.Headers, "Authorization") == "Bearer " + TwitterFake.BearerToken)
            {
                return Message(200, new JsonObject { ["meta"] = new JsonObject { ["result_count"] = 0 } });
            }

            if (!Authorized(Header(request.Headers, "Authorization")))
            {
                return Message(401, new JsonObject { ["title"] = "Unauthorized", ["type"] = "about:blank", ["status"] = 401, ["detail"] = "Unauthorized" });
            }

            if (request.Method == "POST" && writeFailure is { } failure)
            {
                return Message(failure.Status, failure.Body, failure.Reset);
            }

            return (request.Method, path) switch
            {
                ("POST", "/2/tweets") => Post(JsonNode.Parse(request.Body!)!),
                ("POST", _) when path.StartsWith("/2/dm_conversations/with/", StringComparison.Ordinal) && path.EndsWith("/messages", StringComparison.Ordinal)
                    => Send(path.Split('/')[4], JsonNode.Parse(request.Body!)!["text"]!.GetValue<string>()),
                ("GET", "/2/users/" + TwitterFake.SupportUserId + "/tweets") => Timeline(),
                ("GET", "/2/dm_events") => dmPages.TryGetValue(Query(request, "pagination_token") ?? "", out var page)
                    ? Message(200, page)
                    : Message(400, new JsonObject { ["title"] = "Invalid Request", ["detail"] = "One or more parameters to your request was invalid.", ["type"] = "https://api.twitter.com/2/problems/invalid-request" }),
                _ => Message(404, new JsonObject { ["title"] = "Not Found Error", ["detail"] = $"Could not find {path}", ["type"] = "https://api.twitter.com/2/problems/resource-not-found" }),
            };
        }
    }

    private bool Authorized(string? authorization) =>
        authorization == "Bearer " + acceptedBearer
        || (authorization?.StartsWith("OAuth ", StringComparison.Ordinal) == true && authorization.Contains($"oauth_token=\"{AccessToken}\"", StringComparison.Ordinal));

    private ResponseMessage Post(JsonNode body)
    {
        var text = body["text"]!.GetValue<string>();
        var inReplyTo = body["reply"]?["in_reply_to_tweet_id"]?.GetValue<string>() ?? "";
        if (posts.Any(p => p.Text == text))
        {
            return Message(403, new JsonObject { ["detail"] = "You are not allowed to create a Tweet with duplicate content.", ["type"] = "about:blank", ["title"] = "Forbidden", ["status"] = 403 });
        }

        var id = (nextId++).ToString(CultureInfo.InvariantCulture);
        posts.Add((id, text, inReplyTo));
        return Message(201, new JsonObject { ["data"] = new JsonObject { ["id"] = id, ["text"] = text, ["edit_history_tweet_ids"] = new JsonArray(id) } });
    }

    private ResponseMessage Send(string participantId, string text)
    {
        var id = (nextId++).ToString(CultureInfo.InvariantCulture);
        messages.Add((id, participantId, text));
        return Message(201, new JsonObject { ["data"] = new JsonObject { ["dm_conversation_id"] = $"{participantId}-{TwitterFake.SupportUserId}", ["dm_event_id"] = id } });
    }

    private ResponseMessage Timeline() => Message(200, new JsonObject
    {
        ["data"] = new JsonArray([.. posts.AsEnumerable().Reverse().Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Id,
            ["text"] = p.Text,
            ["referenced_tweets"] = new JsonArray(new JsonObject { ["type"] = "replied_to", ["id"] = p.InReplyTo }),
        })]),
        ["meta"] = new JsonObject { ["result_count"] = posts.Count },
    });

    private ResponseMessage Token(IRequestMessage request)
    {
        var form = (request.Body ?? "").Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.ElementAtOrDefault(1) ?? ""));
        if (!refreshAccepted || form.GetValueOrDefault("grant_type") != "refresh_token" || form.GetValueOrDefault("refresh_token") != UserRefreshToken)
        {
            return Message(400, new JsonObject { ["error"] = "invalid_request", ["error_description"] = "Value passed for the token was invalid." });
        }

        return Message(200, new JsonObject
        {
            ["token_type"] = "bearer",
            ["expires_in"] = 7200,
            ["access_token"] = RefreshedAccessToken,
            ["scope"] = "tweet.write users.read tweet.read offline.access dm.read dm.write",
            ["refresh_token"] = RotatedRefreshToken,
        });
    }

    private static string? Query(IRequestMessage request, string name) =>
        request.Query?.FirstOrDefault(kv => Uri.UnescapeDataString(kv.Key) == name).Value?.FirstOrDefault();

    private static string? Header(IDictionary<string, WireMockList<string>>? headers, string name) =>
        headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static ResponseMessage Message(int status, JsonObject body, DateTimeOffset? reset = null) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>>
        {
            ["Content-Type"] = new("application/json; charset=utf-8"),
            ["x-rate-limit-limit"] = new("100"),
            ["x-rate-limit-remaining"] = new(status == 429 ? "0" : "99"),
            ["x-rate-limit-reset"] = new((reset ?? TwitterFake.DefaultReset).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        },
        BodyData = new BodyData { BodyAsString = body.ToJsonString(Options), DetectedBodyType = BodyType.String },
    };
}
