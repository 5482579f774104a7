using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Hosting;
using SyncHub.InMemory;
using SyncHub.Leases;
using SyncHub.Redis.Leases;
using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests.Leases;

[Collection(RedisCollection.Name)]
public sealed class RedisLeaseRegistrationTests(RedisServerFixture redis)
{
    [Fact]
    public void AddRedisStore_AfterOrBeforeInMemoryStore_RegistersTheRedisLeaseStore()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString })
            .Build();
        var after = new ServiceCollection();
        after.AddSyncHubCore(configuration);
        after.AddInMemoryStore();
        after.AddRedisStore(configuration);
        var before = new ServiceCollection();
        before.AddRedisStore(configuration);
        before.AddInMemoryStore();

        foreach (var services in new[] { after, before })
        {
            Assert.Equal(typeof(RedisLeaseStore), services.Single(d => d.ServiceType == typeof(ILeaseStore)).ImplementationType);
        }
    }

    [Fact]
    public void AddInMemoryStore_Alone_RegistersTheInMemoryLeaseStore()
    {
        var services = new ServiceCollection();
        services.AddInMemoryStore();

        Assert.Equal(typeof(InMemoryLeaseStore), services.Single(d => d.ServiceType == typeof(ILeaseStore)).ImplementationType);
    }
}
