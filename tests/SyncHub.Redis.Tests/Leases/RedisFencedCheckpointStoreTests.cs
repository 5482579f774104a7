using SyncHub.Storage;
using SyncHub.Testing.Leases;
using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests.Leases;

[Collection(RedisCollection.Name)]
public sealed class RedisFencedCheckpointStoreTests(RedisServerFixture redis) : FencedCheckpointContract
{
    protected override ICheckpointStore CreateStore() => TestStores.Checkpoints(redis, redis.NewPrefix());
}
