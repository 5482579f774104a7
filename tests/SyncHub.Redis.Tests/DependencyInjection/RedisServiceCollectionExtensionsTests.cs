using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Hosting;
using SyncHub.Storage;
using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests.DependencyInjection;

[Collection(RedisCollection.Name)]
public sealed class RedisServiceCollectionExtensionsTests(RedisServerFixture redis)
{
    [Fact]
    public void AddRedisStore_NoConnectionString_FailsWithOneLineNamingTheKey()
    {
        using var provider = CreateSut([]);

        var options = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedisStoreOptions>>().Value);
        var store = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ITicketStore>());

        Assert.Contains(RedisStoreOptions.ConnectionStringKey, options.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', options.Message);
        Assert.Equal(options.Message, store.Message);
    }

    [Fact]
    public void AddRedisStore_ConnectionStringWithPassword_ValidationMessageDoesNotEchoIt()
    {
        using var provider = CreateSut(new() { ["ConnectionStrings:Redis"] = "localhost:6379,password=s3cret,nonsense=1" });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedisStoreOptions>>().Value);

        Assert.Contains(RedisStoreOptions.ConnectionStringKey, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRedisStore_NoPrefixConfigured_UsesSynchubPrefix()
    {
        using var provider = CreateSut(new() { ["ConnectionStrings:Redis"] = redis.ConnectionString });

        Assert.Equal("synchub:", provider.GetRequiredService<IOptions<RedisStoreOptions>>().Value.KeyPrefix);
    }

    [Fact]
    public void AddRedisStore_AfterOrBeforeInMemoryStore_RegistersTheRedisStores()
    {
        var configuration = Configuration(new() { ["ConnectionStrings:Redis"] = redis.ConnectionString });
        var after = new ServiceCollection();
        after.AddSyncHubCore(configuration);
        after.AddInMemoryStore();
        after.AddRedisStore(configuration);
        var before = new ServiceCollection();
        before.AddRedisStore(configuration);
        before.AddInMemoryStore();

        foreach (var services in new[] { after, before })
        {
            Assert.Equal(typeof(RedisTicketStore), services.Single(d => d.ServiceType == typeof(ITicketStore)).ImplementationType);
            Assert.Equal(typeof(RedisCheckpointStore), services.Single(d => d.ServiceType == typeof(ICheckpointStore)).ImplementationType);
            Assert.Equal(typeof(RedisDeadLetterStore), services.Single(d => d.ServiceType == typeof(IDeadLetterStore)).ImplementationType);
            Assert.Equal(typeof(RedisDeadLetterStore), services.Single(d => d.ServiceType == typeof(IDeadLetterRemover)).ImplementationType);
        }
    }

    [Fact]
    public async Task AddRedisStore_ConfiguredPrefix_StoresUnderThatPrefix()
    {
        var prefix = redis.NewPrefix();
        using var provider = CreateSut(new()
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["SyncHub:Redis:KeyPrefix"] = prefix,
        });
        var store = provider.GetRequiredService<ITicketStore>();
        var samples = new SyncHub.Testing.Storage.SampleRecords(TimeProvider.System);

        await store.CreateAsync(samples.Creation());

        Assert.True(await store.PingAsync());
        Assert.True(await redis.Connection.GetDatabase().KeyExistsAsync(prefix + "counter"));
    }

    [Fact]
    public async Task AddRedisStore_RedisDown_StartsAndReportsTheStoreUnreachable()
    {
        using var provider = CreateSut(new() { ["ConnectionStrings:Redis"] = $"127.0.0.1:{ClosedPort()},connectTimeout=200" });

        var store = provider.GetRequiredService<ITicketStore>();

        Assert.False(await store.PingAsync());
    }

    private static ServiceProvider CreateSut(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRedisStore(Configuration(settings));
        return services.BuildServiceProvider();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
