using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace SyncHub.Load;

/// <summary>
/// The baseline webhook: a minimal ASP.NET Core endpoint that reads the body and HSETs it into Redis (one key per
/// request), then answers 201. No auth, no validation, no idempotency, no indexes, no outbox: the floor the hub's
/// webhook intake is compared with.
/// </summary>
internal sealed class BareEndpoint : IAsyncDisposable
{
    private readonly WebApplication app;

    private BareEndpoint(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BareEndpoint> StartAsync(IConnectionMultiplexer redis, string keyPrefix)
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var database = redis.GetDatabase();
        long next = 0;
        app.MapPost("/bare", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var n = Interlocked.Increment(ref next);
            await database.HashSetAsync($"{keyPrefix}{n}", "body", body.ToArray());
            return Results.Created((string?)null, new { id = n });
        });
        await app.StartAsync();
        return new BareEndpoint(app, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
