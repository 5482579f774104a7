using System.Globalization;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace SyncHub.Adapters.Facebook.Tests;

/// <summary>
/// WireMock playing the Graph API v21.0 for the page: the Send API (<c>POST /{page-id}/messages</c>, answered
/// <c>{recipient_id, message_id}</c>), comment replies (<c>POST /{comment-id}/comments</c>, answered <c>{id}</c>), the
/// page's conversation with a person and the replies under a comment (what was already posted), and Graph's error
/// bodies. The page token is the <c>access_token</c> parameter; any other token is answered 400 with code 190.
/// </summary>
internal sealed class FacebookGraphFake : IDisposable
{
    public const string Token = "EAAGm0PX4ZCpsBAFbZBZCxYzpagetoken7f3e";
    public const string Version = "/v21.0";
    public const string MessagesPath = Version + "/" + FacebookPayloads.PageId + "/messages";
    public const string ConversationsPath = Version + "/" + FacebookPayloads.PageId + "/conversations";
    public const string CommentId = "106358284731337_9182736455";
    public const string CommentsPath = Version + "/" + CommentId + "/comments";

    /// <summary>When the fake says a posted message or reply was created (Graph's <c>created_time</c> format).</summary>
    public static readonly string CreatedTime = FacebookSettings.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture);

    private readonly WireMockServer server = WireMockServer.Start();
    private readonly List<(string Id, string Recipient, string Text)> messages = [];
    private readonly List<(string Id, string Text)> replies = [];

    public FacebookGraphFake()
    {
        server
            .Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher("^/v21\\.0/.*")))
            .AtPriority(100)
            .RespondWith(Json(400, Error("Invalid OAuth access token - Cannot parse access token", "OAuthException", 190, null)));
    }

    public string ApiUrl => server.Url + Version + "/";

    public IReadOnlyList<ILogEntry> Requests(string path) => [.. server.LogEntries.Where(e => e.RequestMessage.Path == path)];

    public IReadOnlyList<ILogEntry> Posts => [.. server.LogEntries.Where(e => e.RequestMessage.Method == "POST")];

    /// <summary>The messages the Send API accepted: id, recipient and text.</summary>
    public IReadOnlyList<(string Id, string Recipient, string Text)> Messages
    {
        get
        {
            lock (messages)
            {
                return [.. messages];
            }
        }
    }

    /// <summary>The comment replies Graph accepted: id and text.</summary>
    public IReadOnlyList<(string Id, string Text)> Replies
    {
        get
        {
            lock (replies)
            {
                return [.. replies];
            }
        }
    }

    public static JsonObject Body(ILogEntry entry) => JsonNode.Parse(entry.RequestMessage.Body!)!.AsObject();

    public static string? Query(ILogEntry entry, string name) =>
        entry.RequestMessage.Query is { } query && query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>The Send API, the conversation, comment replies and their listing answer as Graph does, and keep what was posted.</summary>
    public void Accept()
    {
        server
            .Given(Authorized(MessagesPath).UsingPost())
            .AtPriority(10)
            .RespondWith(Response.Create().WithCallback(request =>
            {
                var body = JsonNode.Parse(request.Body!)!;
                var recipient = body["recipient"]!["id"]!.GetValue<string>();
                lock (messages)
                {
                    var id = $"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM{messages.Count + 1}";
                    messages.Add((id, recipient, body["message"]!["text"]!.GetValue<string>()));
                    return Message(200, new JsonObject { ["recipient_id"] = recipient, ["message_id"] = id });
                }
            }));
        server
            .Given(Authorized(ConversationsPath).UsingGet().WithParam("platform", "messenger"))
            .AtPriority(10)
            .RespondWith(Response.Create().WithCallback(request =>
            {
                var user = request.Query!["user_id"].Single();
                lock (messages)
                {
                    var listed = messages.Where(m => m.Recipient == user).Reverse()
                        .Select(m => (JsonNode)new JsonObject
                        {
                            ["id"] = m.Id,
                            ["message"] = m.Text,
                            ["from"] = new JsonObject { ["id"] = FacebookPayloads.PageId, ["name"] = "Acme Support" },
                            ["created_time"] = CreatedTime,
                        });
                    return Message(200, new JsonObject
                    {
                        ["data"] = new JsonArray(new JsonObject
                        {
                            ["messages"] = new JsonObject { ["data"] = new JsonArray([.. listed]) },
                            ["id"] = "t_10224520133829437",
                        }),
                    });
                }
            }));
        server
            .Given(Authorized(CommentsPath).UsingPost())
            .AtPriority(10)
            .RespondWith(Response.Create().WithCallback(request =>
            {
                lock (replies)
                {
                    var id = $"{CommentId}{replies.Count + 1}";
                    replies.Add((id, JsonNode.Parse(request.Body!)!["message"]!.GetValue<string>()));
                    return Message(200, new JsonObject { ["id"] = id });
                }
            }));
        server
            .Given(Authorized(CommentsPath).UsingGet())
            .AtPriority(10)
            .RespondWith(Response.Create().WithCallback(_ =>
            {
                lock (replies)
                {
                    var listed = replies.AsEnumerable().Reverse().Select(r => (JsonNode)new JsonObject
                    {
                        ["id"] = r.Id,
                        ["message"] = r.Text,
                        ["from"] = new JsonObject { ["id"] = FacebookPayloads.PageId, ["name"] = "Acme Support" },
                    });
                    return Message(200, new JsonObject { ["data"] = new JsonArray([.. listed]) });
                }
            }));
    }

    /// <summary>The path of the User Profile API for <paramref name="psid"/>.</summary>
    public static string ProfilePath(string psid) => Version + "/" + psid;

    /// <summary>The User Profile API answers <paramref name="psid"/>'s name as Graph does (<c>first_name</c>, <c>last_name</c>, <c>name</c>, <c>id</c>).</summary>
    public void Profile(string psid, string firstName, string lastName) =>
        server
            .Given(Authorized(ProfilePath(psid)).UsingGet().WithParam("fields", "first_name,last_name,name"))
            .AtPriority(10)
            .RespondWith(Json(200, new JsonObject { ["first_name"] = firstName, ["last_name"] = lastName, ["name"] = $"{firstName} {lastName}", ["id"] = psid }));

    /// <summary>Every call to <paramref name="path"/> with the page token is answered <paramref name="status"/> with a Graph error.</summary>
    public void Fail(string path, int status, int code, int? subcode, string message, string type = "OAuthException", string? retryAfter = null)
    {
        var response = Json(status, Error(message, type, code, subcode));
        server
            .Given(Authorized(path))
            .AtPriority(1)
            .RespondWith(retryAfter is null ? response : response.WithHeader("Retry-After", retryAfter));
    }

    /// <summary>The calls to <paramref name="path"/> answer only after <paramref name="delay"/>.</summary>
    public void AnswerSlowly(string path, TimeSpan delay) =>
        server.Given(Authorized(path)).AtPriority(1).RespondWith(Json(200, new JsonObject { ["data"] = new JsonArray() }).WithDelay(delay));

    public void Dispose() => server.Dispose();

    public static JsonObject Error(string message, string type, int code, int? subcode)
    {
        var error = new JsonObject { ["message"] = message, ["type"] = type, ["code"] = code };
        if (subcode is not null)
        {
            error["error_subcode"] = subcode;
        }

        error["fbtrace_id"] = "AbCdEf1234_x";
        return new JsonObject { ["error"] = error };
    }

    private static IRequestBuilder Authorized(string path) => Request.Create().WithPath(path).WithParam("access_token", Token);

    private static ResponseMessage Message(int status, JsonObject body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json; charset=UTF-8") },
        BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String },
    };

    private static IResponseBuilder Json(int status, JsonObject body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json; charset=UTF-8").WithBody(body.ToJsonString());
}
