using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using SyncHub.Leases;
using SyncHub.Redis.Leases;
using SyncHub.Testing.Leases;
using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests.Leases;

/// <summary>
/// The lease contract on a real redis-server. Redis expires keys on its own clock, which a test cannot move, and waiting
/// in real time makes "still held after 0.6 of the TTL" depend on how busy the machine is. So time passes by taking it
/// off the remaining TTL of the store's lease keys (deleting those it runs out on), which is what the server's clock
/// moving on would do; <see cref="RedisLeaseLayoutTests"/> lets a lease run out on the server's own clock.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisLeaseStoreTests(RedisServerFixture redis) : LeaseStoreContract
{
    private string prefix = "";

    protected override ILeaseStore CreateStore()
    {
        prefix = redis.NewPrefix();
        return new RedisLeaseStore(redis.Connection, TestStores.Options(redis, prefix), NullLogger<RedisLeaseStore>.Instance);
    }

    protected override async Task PassAsync(TimeSpan span)
    {
        var database = redis.Connection.GetDatabase();
        var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);
        await foreach (var key in server.KeysAsync(pattern: $"{prefix}lease:*"))
        {
            var left = await database.KeyTimeToLiveAsync(key);
            if (left is not { } remaining)
            {
                continue;
            }

            if (remaining <= span)
            {
                await database.KeyDeleteAsync(key);
            }
            else
            {
                await database.KeyExpireAsync(key, remaining - span);
            }
        }
    }
}
