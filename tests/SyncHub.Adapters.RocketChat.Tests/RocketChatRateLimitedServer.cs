using System.Globalization;
using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using SyncHub.Testing.Fakes;

namespace SyncHub.Adapters.RocketChat.Tests;

/// <summary>
/// WireMock playing a Rocket.Chat server whose REST rate limiter refuses <c>chat.sendMessage</c>: the room resolves, and
/// the post is answered with the limiter's documented error body and its <c>X-RateLimit-*</c> headers.
/// </summary>
internal sealed class RocketChatRateLimitedServer : IDisposable
{
    public const string LimiterError =
        "Error, too many requests. Please slow down. You must wait 55 seconds before trying this endpoint again. [error-too-many-requests]";

    private readonly WireMockServer server = WireMockServer.Start();

    public RocketChatRateLimitedServer() =>
        server
            .Given(Request.Create().WithPath("/api/v1/rooms.info").UsingGet().WithParam("roomName", "support"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(new JsonObject { ["room"] = new JsonObject { ["_id"] = RocketChatFake.SupportRoomId, ["name"] = "support", ["t"] = "c" }, ["success"] = true }.ToJsonString()));

    public string Url => server.Url!;

    /// <summary>chat.sendMessage answers <paramref name="status"/> with the limiter's error, its window resetting at <paramref name="reset"/> (no header when null).</summary>
    public void Limit(int status, DateTimeOffset? reset, string error = LimiterError)
    {
        var response = Response.Create()
            .WithStatusCode(status)
            .WithHeader("Content-Type", "application/json")
            .WithHeader("X-RateLimit-Limit", "10")
            .WithHeader("X-RateLimit-Remaining", "0")
            .WithBody(new JsonObject { ["success"] = false, ["error"] = error }.ToJsonString());
        if (reset is { } at)
        {
            response = response.WithHeader("X-RateLimit-Reset", at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        }

        server.Given(Request.Create().WithPath(RocketChatFake.SendPath).UsingPost()).RespondWith(response);
    }

    public void Dispose() => server.Dispose();
}
