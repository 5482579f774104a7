using System.Globalization;
using SyncHub.Resilience.Tests.Hosting;
using SyncHub.Testing.Redis;

namespace SyncHub.Resilience.Tests.Faults;

/// <summary>
/// SIGTERM to the hub as production runs it, with redis-server frozen (SIGSTOP: connections open, nothing answers) and
/// submissions waiting on it: the process ends within <c>SyncHub:ShutdownTimeout</c> (so systemd's TimeoutStopSec or
/// docker's stop grace period never has to kill it), and nothing it had not stored was acknowledged: once Redis runs
/// again every acknowledged submission is a ticket.
/// </summary>
public sealed class StopTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(8);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Stop_WithRedisFrozen_EndsWithinTheShutdownTimeoutAndAcknowledgesNothingUnstored(bool requestsInFlight)
    {
        var prefix = redis.NewPrefix();
        var settings = new Dictionary<string, string?>
        {
            ["SyncHub:Store"] = "Redis",
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["SyncHub:Redis:KeyPrefix"] = prefix,
            ["SyncHub:ShutdownTimeout"] = ShutdownTimeout.ToString("c", CultureInfo.InvariantCulture),
            ["SyncHub:Api:Keys:0"] = TestSecrets.ApiKey,
            ["SyncHub:Adapters:WebForm:Enabled"] = "true",
            ["SyncHub:Adapters:WebForm:Token"] = TestSecrets.FormToken,
        };
        var ids = Enumerable.Range(0, 12).Select(i => $"stop-{requestsInFlight}-{i}").ToList();
        await using var hub = HubProcess.Start(settings, HubProcess.FreePort());
        await hub.WaitReadyAsync(TimeSpan.FromSeconds(60));
        using var portal = new FormSender(hub.Address, TestSecrets.FormToken);
        await portal.SendOnceAsync(ids[..2], 2);

        TimeSpan took;
        redis.Pause();
        try
        {
            var sending = requestsInFlight ? portal.SendOnceAsync(ids[2..], 10) : Task.CompletedTask;
            await Task.Delay(500);
            took = await hub.TerminateAsync(TimeSpan.FromSeconds(60));
            await sending;
        }
        finally
        {
            redis.Resume();
        }

        Assert.True(took < ShutdownTimeout, $"the hub took {took.TotalSeconds:0.0} s to stop (ShutdownTimeout {ShutdownTimeout.TotalSeconds} s):{Environment.NewLine}{hub.Output}");
        Assert.Equal(2, portal.Acknowledged.Count(a => ids[..2].Contains(a.Key)));
        var database = redis.Connection.GetDatabase();
        foreach (var acknowledged in portal.Acknowledged.Keys)
        {
            Assert.True(await database.HashExistsAsync(prefix + "idempotency", $"WebForm:{acknowledged}"), $"{acknowledged} was acknowledged but is not stored");
        }
    }
}
