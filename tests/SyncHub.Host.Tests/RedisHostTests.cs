using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using SyncHub.Testing.Doubles;
using SyncHub.Testing.Redis;

namespace SyncHub.Host.Tests;

/// <summary>The hub on a real redis-server with AOF on: restarts of the hub and outages of Redis. Owns its server (it stops it).</summary>
public sealed class RedisHostTests(DurableRedisServerFixture redis) : IClassFixture<DurableRedisServerFixture>
{
    private Dictionary<string, string?> RedisSettings() => new()
    {
        ["SyncHub:Store"] = "Redis",
        ["ConnectionStrings:Redis"] = $"{redis.ConnectionString},connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000",
        ["SyncHub:Redis:KeyPrefix"] = redis.NewPrefix(),
    };

    [Fact]
    public async Task Ticket_HubKilledWithSigkillAndRestarted_IsStillThere()
    {
        var settings = RedisSettings();
        var port = FreePort();
        var created = default(System.Text.Json.JsonElement);
        using (var first = StartHubProcess(settings, port))
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitReadyAsync(client, first);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/web") { Content = JsonContent.Create(Forms.Valid("kill-9")) };
            request.Headers.Authorization = new("Bearer", HubServer.FormToken);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            created = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        using var second = StartHubProcess(settings, port);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitReadyAsync(client, second);
            using var get = new HttpRequestMessage(HttpMethod.Get, $"/api/tickets/{created.GetProperty("id").GetString()}");
            get.Headers.Add("X-Api-Key", HubServer.ApiKey);
            using var found = await client.SendAsync(get);
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            var ticket = await found.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            Assert.Equal(created.GetProperty("number").GetInt64(), ticket.GetProperty("number").GetInt64());
            Assert.Equal("Web", ticket.GetProperty("channel").GetString());
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Intake_RedisStopped_Answers503AndReadyIs503ThenResumesByItself()
    {
        await using var hub = await HubServer.StartAsync(RedisSettings());
        using (var before = await hub.Client.SendAsync(hub.Form(Forms.Valid("outage-0"))))
        {
            Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        }

        await redis.StopAsync();
        try
        {
            using var refused = await hub.Client.SendAsync(hub.Form(Forms.Valid("outage-1")));
            using var notReady = await hub.Client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        }
        finally
        {
            await redis.StartAsync();
        }

        await Eventually.WaitUntilAsync(() => hub.Client.GetAsync("/health/ready").Result.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        using var accepted = await hub.Client.SendAsync(hub.Form(Forms.Valid("outage-1")));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        using var list = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/tickets"));
        Assert.Equal(2, (await hub.JsonAsync(list)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Start_RedisWithoutConnectionString_FailsNamingTheKey()
    {
        await using var app = HubServer.Build(new() { ["SyncHub:Store"] = "Redis", ["ConnectionStrings:Redis"] = "" });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.Contains("ConnectionStrings:Redis", error.Message, StringComparison.Ordinal);
    }

    private static Process StartHubProcess(Dictionary<string, string?> settings, int port)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "synchub.dll");
        var start = new ProcessStartInfo("dotnet", [host, "--urls", $"http://127.0.0.1:{port}", "--environment", "Production"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in HubServer.DefaultSettings().Concat(settings))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitReadyAsync(HttpClient client, Process process)
    {
        await Eventually.WaitUntilAsync(
            () =>
            {
                Assert.False(process.HasExited, "the hub process exited during start");
                try
                {
                    return client.GetAsync("/health/ready").Result.StatusCode == HttpStatusCode.OK;
                }
                catch (AggregateException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(60));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
