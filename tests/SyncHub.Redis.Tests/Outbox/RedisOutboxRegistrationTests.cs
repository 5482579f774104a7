using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Hosting;
using SyncHub.Outbox;
using SyncHub.Redis.Outbox;
using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests.Outbox;

[Collection(RedisCollection.Name)]
public sealed class RedisOutboxRegistrationTests(RedisServerFixture redis)
{
    [Fact]
    public void AddRedisOutbox_AfterTheInMemoryStore_ReplacesItsQueue()
    {
        var configuration = Configuration(redis.NewPrefix());
        var services = new ServiceCollection();
        services.AddSyncHubCore(configuration);
        services.AddInMemoryStore();
        services.AddRedisStore(configuration);

        services.AddRedisOutbox();

        Assert.Equal(typeof(RedisOutboxQueue), Assert.Single(services, d => d.ServiceType == typeof(IOutboxQueue)).ImplementationType);
    }

    [Fact]
    public void AddRedisOutbox_BeforeTheInMemoryStore_StaysTheQueue()
    {
        var configuration = Configuration(redis.NewPrefix());
        var services = new ServiceCollection();
        services.AddRedisStore(configuration);
        services.AddRedisOutbox();

        services.AddInMemoryStore();

        Assert.Equal(typeof(RedisOutboxQueue), Assert.Single(services, d => d.ServiceType == typeof(IOutboxQueue)).ImplementationType);
    }

    [Fact]
    public void AddRedisOutbox_WithoutTheRedisStore_FailsNamingAddRedisStore()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddRedisOutbox());

        Assert.Contains("AddRedisStore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRedisOutbox_Resolved_ReadsTheStreamUnderTheConfiguredPrefix()
    {
        var prefix = redis.NewPrefix();
        var configuration = Configuration(prefix);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRedisStore(configuration);
        services.AddRedisOutbox();
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IOutboxQueue>().ReadAsync("notifier:Test", "a", 10);

        Assert.Single(await redis.Connection.GetDatabase().StreamGroupInfoAsync(prefix + "outbox"));
    }

    private IConfiguration Configuration(string prefix) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["SyncHub:Redis:KeyPrefix"] = prefix,
        }).Build();
}
