using System.Text.Json.Nodes;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace SyncHub.Testing.Fakes;

/// <summary>
/// WireMock playing a Rocket.Chat server with its documented answers: <c>rooms.info</c>, <c>im.create</c>,
/// <c>chat.sendMessage</c>, <c>chat.getMessage</c>, an incoming webhook, and its error bodies.
/// </summary>
public sealed class RocketChatFake : IDisposable
{
    public const string UserId = "rbAXPnMktTFbNpwtJ";
    public const string AuthToken = "RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f";
    public const string SupportRoomId = "64a1f373376181965ab77f54";
    public const string DirectRoomId = "rbAXPnMktTFbNpwtJy65tAmHs93aDChMWu";
    public const string HookPath = "/hooks/6YqFxdgzG3jw2Mnk2/7Lp9b2cHJkZ8wqvWxYzVtRsE";
    public const string SendPath = "/api/v1/chat.sendMessage";

    private readonly WireMockServer server = WireMockServer.Start();
    private readonly List<(string Id, string Text)> stored = [];

    public RocketChatFake()
    {
        server
            .Given(Request.Create().WithPath("/api/v1/rooms.info").UsingGet().WithParam("roomName", "support"))
            .RespondWith(Json(200, new JsonObject
            {
                ["room"] = new JsonObject { ["_id"] = SupportRoomId, ["name"] = "support", ["fname"] = "support", ["t"] = "c", ["msgs"] = 120 },
                ["success"] = true,
            }));
        server
            .Given(Request.Create().WithPath("/api/v1/rooms.info").UsingGet().WithParam("roomName", "nowhere"))
            .RespondWith(Json(400, new JsonObject
            {
                ["success"] = false,
                ["error"] = "The required \"roomId\" or \"roomName\" param provided does not match any channel [error-room-not-found]",
                ["errorType"] = "error-room-not-found",
            }));
        server
            .Given(Request.Create().WithPath("/api/v1/im.create").UsingPost())
            .RespondWith(Json(200, new JsonObject
            {
                ["room"] = new JsonObject { ["_id"] = DirectRoomId, ["rid"] = DirectRoomId, ["t"] = "d", ["usernames"] = new JsonArray("synchub.bot", "ana") },
                ["success"] = true,
            }));
        server
            .Given(Request.Create().WithPath("/api/v1/chat.getMessage").UsingGet())
            .AtPriority(100)
            .RespondWith(Json(400, new JsonObject { ["success"] = false, ["error"] = "No message found with the id of \"x\"." }));
    }

    public string Url => server.Url!;

    public string HookUrl => server.Url + HookPath;

    public IReadOnlyList<ILogEntry> Sends => [.. server.LogEntries.Where(e => e.RequestMessage.Path == SendPath)];

    public IReadOnlyList<ILogEntry> Requests(string path) => [.. server.LogEntries.Where(e => e.RequestMessage.Path == path)];

    public static JsonObject Body(ILogEntry entry) => JsonNode.Parse(entry.RequestMessage.Body!)!.AsObject();

    public static string? Query(ILogEntry entry, string name) =>
        entry.RequestMessage.Query is { } query && query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>chat.sendMessage answers like Rocket.Chat: the stored message echoed back.</summary>
    public void AcceptMessages() =>
        server
            .Given(Request.Create().WithPath(SendPath).UsingPost())
            .RespondWith(Json(200, new JsonObject
            {
                ["message"] = new JsonObject
                {
                    ["_id"] = "jC9chsFddTvsbFQG7",
                    ["rid"] = SupportRoomId,
                    ["msg"] = "...",
                    ["ts"] = "2026-11-30T12:00:01.117Z",
                    ["u"] = new JsonObject { ["_id"] = UserId, ["username"] = "synchub.bot" },
                    ["_updatedAt"] = "2026-11-30T12:00:01.119Z",
                },
                ["success"] = true,
            }));

    /// <summary>
    /// chat.sendMessage stores each message as Rocket.Chat does: a message whose <c>_id</c> is already stored is refused
    /// with Mongo's duplicate-key error and not stored again (see <see cref="Stored"/>).
    /// </summary>
    public void StoreMessages()
    {
        server
            .Given(Request.Create().WithPath(SendPath).UsingPost())
            .RespondWith(Response.Create().WithCallback(request =>
            {
                var message = JsonNode.Parse(request.Body!)!["message"]!.AsObject();
                var id = message["_id"]?.GetValue<string>() ?? Guid.NewGuid().ToString("N");
                lock (stored)
                {
                    if (stored.Any(m => m.Id == id))
                    {
                        return Message(400, new JsonObject { ["success"] = false, ["error"] = $"E11000 duplicate key error collection: rocketchat.rocketchat_message index: _id_ dup key: {{ _id: \"{id}\" }}" });
                    }

                    stored.Add((id, message["msg"]?.GetValue<string>() ?? ""));
                }

                return Message(200, new JsonObject { ["message"] = message.DeepClone(), ["success"] = true });
            }));
    }

    /// <summary>The messages <see cref="StoreMessages"/> stored: id and text.</summary>
    public IReadOnlyList<(string Id, string Text)> Stored
    {
        get
        {
            lock (stored)
            {
                return [.. stored];
            }
        }
    }

    /// <summary>chat.sendMessage answers <paramref name="status"/> with <paramref name="body"/>.</summary>
    public void AnswerMessages(int status, JsonObject body) =>
        server.Given(Request.Create().WithPath(SendPath).UsingPost()).RespondWith(Json(status, body));

    /// <summary>The first chat.sendMessage fails with <paramref name="status"/>, later ones succeed.</summary>
    public void FailOnceThenAccept(int status)
    {
        server
            .Given(Request.Create().WithPath(SendPath).UsingPost())
            .InScenario("fail-once")
            .WillSetStateTo("failed")
            .RespondWith(Json(status, new JsonObject { ["success"] = false, ["error"] = "Internal server error" }));
        server
            .Given(Request.Create().WithPath(SendPath).UsingPost())
            .InScenario("fail-once")
            .WhenStateIs("failed")
            .RespondWith(Json(200, new JsonObject { ["message"] = new JsonObject { ["_id"] = "x" }, ["success"] = true }));
    }

    /// <summary>chat.getMessage finds a message with this id (it was posted by an earlier attempt).</summary>
    public void HasMessage(string messageId) =>
        server
            .Given(Request.Create().WithPath("/api/v1/chat.getMessage").UsingGet().WithParam("msgId", messageId))
            .AtPriority(1)
            .RespondWith(Json(200, new JsonObject
            {
                ["message"] = new JsonObject { ["_id"] = messageId, ["rid"] = SupportRoomId, ["msg"] = "...", ["u"] = new JsonObject { ["_id"] = UserId, ["username"] = "synchub.bot" } },
                ["success"] = true,
            }));

    /// <summary>Every REST call answers 401 as Rocket.Chat does for a wrong token.</summary>
    public void RejectCredentials()
    {
        // Only the refusals answer: no other mapping competes for these paths.
        server.ResetMappings();
        foreach (var path in new[] { "/api/v1/rooms.info", "/api/v1/im.create", SendPath, "/api/v1/chat.getMessage" })
        {
            server
                .Given(Request.Create().WithPath(path))
                .AtPriority(0)
                .RespondWith(Json(401, new JsonObject { ["status"] = "error", ["message"] = "You must be logged in to do this." }));
        }
    }

    /// <summary>chat.sendMessage answers only after <paramref name="delay"/>.</summary>
    public void AnswerSlowly(TimeSpan delay) =>
        server
            .Given(Request.Create().WithPath(SendPath).UsingPost())
            .RespondWith(Json(200, new JsonObject { ["success"] = true }).WithDelay(delay));

    /// <summary>The incoming webhook answers <paramref name="status"/> as Rocket.Chat does.</summary>
    public void Hook(int status) =>
        server
            .Given(Request.Create().WithPath(HookPath).UsingPost())
            .RespondWith(Json(status, status == 200
                ? new JsonObject { ["success"] = true }
                : new JsonObject { ["success"] = false, ["error"] = "Invalid integration id or token provided." }));

    public void Dispose() => server.Dispose();

    private static ResponseMessage Message(int status, JsonObject body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String },
    };

    private static IResponseBuilder Json(int status, JsonObject body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString());
}
