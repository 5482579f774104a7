using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using SyncHub.Redis;

namespace SyncHub.Load;

/// <summary>
/// The baseline webhooks, minimal ASP.NET Core endpoints in the harness's process. <c>/bare</c> reads the body and HSETs it
/// into Redis (one key per request), then answers 201: no auth, no validation, no idempotency, no indexes, no outbox, the
/// floor the hub's webhook intake is compared with. <c>/bare-script</c> reads the body and runs the hub's creation script
/// with arguments built once beforehand (<see cref="TicketArguments.Template"/>: a new ticket id and external id per call),
/// then answers 201: what any webhook that stores the hub's ticket in one script call costs, without the hub's own work
/// (parsing, validation, policies, JSON, compression, search tokens). Its rate is the ceiling of the hub's rate on the
/// machine it runs on.
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

    public static async Task<BareEndpoint> StartAsync(IConnectionMultiplexer redis, string keyPrefix, TicketArguments.Template creation)
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
        await redis.GetServer(redis.GetEndPoints()[0]).ScriptLoadAsync(RedisScripts.Create.Text);
        app.MapPost("/bare-script", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var n = Interlocked.Increment(ref next);
            // As the store calls it: EVALSHA with the keys the script declares.
            var stored = await RedisScripts.Create.RunAsync(database, creation.For(n), NullLogger.Instance, "create");
            return Results.Created((string?)null, new { id = n, stored = stored.IsNull ? null : stored.ToString() });
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
