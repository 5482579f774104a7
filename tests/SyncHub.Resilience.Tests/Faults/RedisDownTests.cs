using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using SyncHub.Resilience.Tests.Hosting;
using SyncHub.Testing.Doubles;
using SyncHub.Testing.Redis;

namespace SyncHub.Resilience.Tests.Faults;

/// <summary>
/// redis-server stopped under a running hub with the client's default timeouts: once the connection is known to be down,
/// a webhook is answered 503 with Retry-After at once instead of waiting out the command timeout, and intake resumes by
/// itself when Redis is back. A hub started while Redis is down starts, reports not ready, and says "Redis store ready"
/// once, when Redis comes.
/// </summary>
public sealed class RedisDownTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const int StoreReadyEventId = 2007;
    private const int NotConnectedAtStartEventId = 2006;

    [Fact]
    public async Task Intake_WhileRedisIsKnownDown_Answers503WithRetryAfterAtOnceAndResumesAfter()
    {
        await using var app = RedisHub.Build(redis.ConnectionString, redis.NewPrefix());
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
        using (var before = await client.SendAsync(Form("down-0")))
        {
            Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        }

        HttpStatusCode status;
        RetryConditionHeaderValue? retryAfter;
        TimeSpan took;
        await redis.StopAsync();
        try
        {
            await Eventually.WaitUntilAsync(() => Ready(client) == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20));
            var watch = Stopwatch.StartNew();
            using var during = await client.SendAsync(Form("down-1"));
            took = watch.Elapsed;
            (status, retryAfter) = (during.StatusCode, during.Headers.RetryAfter);
        }
        finally
        {
            await redis.StartAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.NotNull(retryAfter);

        // The client's command timeout is 5 s; a known-down store must not make the sender wait for it.
        Assert.True(took < TimeSpan.FromSeconds(2), $"the 503 took {took.TotalSeconds:0.0} s");
        await Eventually.WaitUntilAsync(() => Ready(client) == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        using var after = await client.SendAsync(Form("down-1"));
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task Start_WhileRedisIsDown_ReportsNotReadyThenSaysReadyOnceWhenRedisComes()
    {
        var log = new LogCapture();
        await redis.StopAsync();
        WebApplication? app = null;
        try
        {
            app = RedisHub.Build(redis.ConnectionString, redis.NewPrefix(), log: log);
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
            var readyWhileDown = Ready(client);
            var saidReadyWhileDown = StoreReadyLines(log);

            await redis.StartAsync();
            await Eventually.WaitUntilAsync(() => Ready(client) == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
            await Eventually.WaitUntilAsync(() => StoreReadyLines(log) == 1, TimeSpan.FromSeconds(10));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, readyWhileDown);
            Assert.Equal(0, saidReadyWhileDown);
            Assert.Single(log.WithEventId(NotConnectedAtStartEventId));
        }
        finally
        {
            if (!redis.IsRunning)
            {
                await redis.StartAsync();
            }

            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
    }

    private static int StoreReadyLines(LogCapture log) => log.WithEventId(StoreReadyEventId).Count;

    private static HttpRequestMessage Form(string id)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/web") { Content = JsonContent.Create(Bodies.WebForm(id)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestSecrets.FormToken);
        return request;
    }

    private static HttpStatusCode? Ready(HttpClient client) => RedisRestartTests.StatusOf(client, "/health/ready");
}
