using SyncHub.Testing.Redis;

namespace SyncHub.Host.Tests;

/// <summary>The store gauges of <c>/metrics</c> on a real redis-server: read from its index sets and lists.</summary>
[Collection(MetricsCollection.Name)]
public sealed class RedisMetricsTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Metrics_OnRedis_StoreGaugesCountTicketsAndDeadLetters()
    {
        await using var hub = await HubServer.StartAsync(new Dictionary<string, string?>
        {
            ["SyncHub:Store"] = "Redis",
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["SyncHub:Redis:KeyPrefix"] = redis.NewPrefix(),
        });

        await MetricsTests.AssertStoreGaugesAsync(hub);
    }

    [Fact]
    public async Task Metrics_RedisStopped_StoreUpIsZero()
    {
        await using var hub = await HubServer.StartAsync(new Dictionary<string, string?>
        {
            ["SyncHub:Store"] = "Redis",
            ["ConnectionStrings:Redis"] = "127.0.0.1:9,connectTimeout=500,syncTimeout=500,asyncTimeout=500",
            ["SyncHub:Redis:KeyPrefix"] = redis.NewPrefix(),
        });

        var text = await hub.Client.GetStringAsync("/metrics");

        Assert.Equal(0, MetricsTests.Value(text, "synchub_store_up{otel_scope_name=\"SyncHub\"}"));
        Assert.Equal(0, MetricsTests.Value(text, "synchub_dead_letters{otel_scope_name=\"SyncHub\"}"));
    }
}
