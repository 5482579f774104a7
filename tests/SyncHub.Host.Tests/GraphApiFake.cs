using System.Text.Json.Nodes;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;

namespace SyncHub.Host.Tests;

/// <summary>
/// WireMock playing the Graph API v21.0 of the support page for the reply notifier: the Send API
/// (<c>POST /{page-id}/messages</c>, answered <c>{recipient_id, message_id}</c>), comment replies
/// (<c>POST /{comment-id}/comments</c>, answered <c>{id}</c>), empty listings of what the page already posted, and Graph's
/// error body <c>{"error": {message, type, code, error_subcode, fbtrace_id}}</c>. A call without the page token is answered
/// 400 with code 190, as Graph does.
/// </summary>
internal sealed class GraphApiFake : IDisposable
{
    public const string Token = "EAAGm0PX4ZCpsBAhostroundtrip9c2e";
    public const string Version = "/v21.0";
    public const string MessageId = "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM2kQ1Xw";
    public const string ReplyCommentId = "987654321_1776655443322110";

    private readonly WireMockServer server = WireMockServer.Start();

    public GraphApiFake()
    {
        server
            .Given(Request.Create().WithPath(new RegexMatcher(@"^/v21\.0/.*")))
            .AtPriority(100)
            .RespondWith(Json(400, Error("Invalid OAuth access token - Cannot parse access token", "OAuthException", 190, null)));
        server
            .Given(Authorized(new RegexMatcher(@"^/v21\.0/[^/]+/(conversations|comments)$")).UsingGet())
            .AtPriority(50)
            .RespondWith(Json(200, new JsonObject { ["data"] = new JsonArray() }));
        server
            .Given(Authorized(new RegexMatcher(@"^/v21\.0/[^/]+/messages$")).UsingPost())
            .AtPriority(50)
            .RespondWith(Response.Create().WithCallback(request => Message(200, new JsonObject
            {
                ["recipient_id"] = JsonNode.Parse(request.Body!)!["recipient"]!["id"]!.GetValue<string>(),
                ["message_id"] = MessageId,
            })));
        server
            .Given(Authorized(new RegexMatcher(@"^/v21\.0/[^/]+/comments$")).UsingPost())
            .AtPriority(50)
            .RespondWith(Json(200, new JsonObject { ["id"] = ReplyCommentId }));
    }

    public string ApiUrl => server.Url + Version + "/";

    /// <summary>The POSTs Graph received, in order.</summary>
    public IReadOnlyList<IRequestMessage> Posts => [.. server.LogEntries.Select(e => e.RequestMessage).Where(r => r.Method == "POST")];

    public static string? Query(IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>
    /// Calls to paths matching <paramref name="pathPattern"/> are answered <paramref name="status"/> with a Graph error;
    /// with <paramref name="once"/> only the first, the later ones as usual.
    /// </summary>
    public void Fail(string pathPattern, int status, int code, string message, string type = "OAuthException", int? subcode = null, string? retryAfter = null, bool once = false)
    {
        var response = Json(status, Error(message, type, code, subcode));
        var request = server.Given(Authorized(new RegexMatcher(pathPattern))).AtPriority(1);
        if (once)
        {
            request = request.InScenario($"fail {pathPattern}").WillSetStateTo("answered");
        }

        request.RespondWith(retryAfter is null ? response : response.WithHeader("Retry-After", retryAfter));
    }

    public void Dispose() => server.Dispose();

    private static JsonObject Error(string message, string type, int code, int? subcode)
    {
        var error = new JsonObject { ["message"] = message, ["type"] = type, ["code"] = code };
        if (subcode is not null)
        {
            error["error_subcode"] = subcode;
        }

        error["fbtrace_id"] = "AbCdEf1234_host";
        return new JsonObject { ["error"] = error };
    }

    private static IRequestBuilder Authorized(IStringMatcher path) => Request.Create().WithPath(path).WithParam("access_token", Token);

    private static ResponseMessage Message(int status, JsonObject body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json; charset=UTF-8") },
        BodyData = new WireMock.Util.BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String },
    };

    private static IResponseBuilder Json(int status, JsonObject body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json; charset=UTF-8").WithBody(body.ToJsonString());
}
