using System.Text.Json.Nodes;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace SyncHub.Adapters.JsonFeed.Tests;

/// <summary>WireMock playing a JSON feed at <c>/feed</c>: a status-page style list under <c>data.items</c>.</summary>
internal sealed class FeedFake : IDisposable
{
    public const string Path = "/feed";
    public const string ApiKey = "feed-key-5f2c";

    private readonly WireMockServer server = WireMockServer.Start();

    public string Url => server.Url + Path;

    public IReadOnlyList<ILogEntry> Requests => [.. server.LogEntries.Where(e => e.RequestMessage.Path == Path)];

    public static JsonObject Item(int id, string updatedAt, string subject = "Export fails", string? channel = null) => new()
    {
        ["id"] = $"req-{id}",
        ["title"] = subject,
        ["description"] = $"Request {id}: the nightly export stops at 80%.",
        ["author"] = new JsonObject { ["name"] = $"Customer {id}", ["email"] = $"customer{id}@example.com" },
        ["updatedAt"] = updatedAt,
        ["seq"] = id,
        ["channel"] = channel,
    };

    /// <summary>Answers every GET of the feed with these items under <c>data.items</c>.</summary>
    public void Serve(params JsonObject[] items) => ServeBody(new JsonObject { ["data"] = new JsonObject { ["items"] = new JsonArray(items) } }.ToJsonString());

    public void ServeBody(string json, int status = 200, string? retryAfter = null)
    {
        server.Reset();
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json);
        server.Given(Request.Create().WithPath(Path).UsingGet())
            .RespondWith(retryAfter is null ? response : response.WithHeader("Retry-After", retryAfter));
    }

    /// <summary>Answers the first GET with 429 and Retry-After, every later one with these items.</summary>
    public void RateLimitedOnceThen(string retryAfter, params JsonObject[] items)
    {
        server.Reset();
        var body = new JsonObject { ["data"] = new JsonObject { ["items"] = new JsonArray(items) } }.ToJsonString();
        var limited = 0;
        server.Given(Request.Create().WithPath(Path).UsingGet())
            .RespondWith(Response.Create().WithCallback(_ => Interlocked.Exchange(ref limited, 1) == 0
                ? new ResponseMessage
                {
                    StatusCode = 429,
                    Headers = new Dictionary<string, WireMockList<string>> { ["Retry-After"] = new(retryAfter) },
                    BodyData = new BodyData { BodyAsString = "{}", DetectedBodyType = BodyType.String },
                }
                : new ResponseMessage
                {
                    StatusCode = 200,
                    Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
                    BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
                }));
    }

    public void Dispose() => server.Stop();
}
