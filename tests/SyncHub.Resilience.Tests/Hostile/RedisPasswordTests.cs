using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using SyncHub.Host;
using SyncHub.Resilience.Tests.Hosting;
using SyncHub.Testing.Doubles;

namespace SyncHub.Resilience.Tests.Hostile;

/// <summary>
/// The Redis password in <c>ConnectionStrings:Redis</c> never reaches a log line: not while the hub works, not while
/// Redis is down and the client reconnects, not when the password is wrong and every connection is refused.
/// </summary>
public sealed class RedisPasswordTests(PasswordRedisServerFixture redis) : IClassFixture<PasswordRedisServerFixture>
{
    private const string WrongPassword = "redispass-WRONG-hostile-5c3a";

    [Fact]
    public async Task RedisStore_WorkingDownAndBack_LogsNoPassword()
    {
        var log = new LogCapture();
        await using var app = Build(log, redis.ConnectionString + ",connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000");
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using (var created = await client.SendAsync(HostileHub.Form(Bodies.WebForm("redis-pw-1"))))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await redis.StopAsync();
        try
        {
            using var refused = await client.SendAsync(HostileHub.Form(Bodies.WebForm("redis-pw-2")));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            using var notReady = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.DoesNotContain(TestSecrets.RedisPassword, await notReady.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await redis.StartAsync();
        }

        await Eventually.WaitUntilAsync(() => client.GetAsync("/health/ready").Result.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        using (var again = await client.SendAsync(HostileHub.Form(Bodies.WebForm("redis-pw-2"))))
        {
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        }

        await app.StopAsync();
        log.AssertNoSecrets();
    }

    [Fact]
    public async Task RedisStore_WithAWrongPassword_IsNotReadyAndLogsNoPassword()
    {
        var log = new LogCapture();
        var connection = redis.ConnectionString.Replace(TestSecrets.RedisPassword, WrongPassword, StringComparison.Ordinal) + ",connectTimeout=1000";
        await using var app = Build(log, connection);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var ready = await client.GetAsync("/health/ready");
        using var refused = await client.SendAsync(HostileHub.Form(Bodies.WebForm("redis-pw-3")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.DoesNotContain(WrongPassword, await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.StopAsync();
        log.AssertNoSecrets([TestSecrets.RedisPassword, WrongPassword, TestSecrets.FormToken, TestSecrets.ApiKey]);
    }

    private static WebApplication Build(LogCapture log, string connectionString) =>
        SyncHubApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["SyncHub:Store"] = "Redis",
                ["ConnectionStrings:Redis"] = connectionString,
                ["SyncHub:Redis:KeyPrefix"] = $"pw-{Guid.NewGuid():N}:",
                ["SyncHub:Logging:Console"] = "false",
                ["SyncHub:ShutdownTimeout"] = "00:00:05",
                ["SyncHub:Api:Keys:0"] = TestSecrets.ApiKey,
                ["SyncHub:Adapters:WebForm:Enabled"] = "true",
                ["SyncHub:Adapters:WebForm:Token"] = TestSecrets.FormToken,
                ["SyncHub:Pipeline:RetryAfter"] = "00:00:01",
                ["Serilog:MinimumLevel:Default"] = "Verbose",
                ["Serilog:MinimumLevel:Override:Microsoft"] = "Verbose",
                ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
            });
            builder.Services.AddSingleton<ILogEventSink>(log);
        });
}
