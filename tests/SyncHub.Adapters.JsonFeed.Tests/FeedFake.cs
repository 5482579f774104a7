using System.Text.Json.Nodes;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

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

    public void ServeBody(string json, int status = 200)
    {
        server.Reset();
        server.Given(Request.Create().WithPath(Path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));
    }

    public void Dispose() => server.Stop();
}
