using SyncHub.Storage;
using SyncHub.Testing.Redis;
using SyncHub.Testing.Storage;

namespace SyncHub.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedisCheckpointStoreTests(RedisServerFixture redis) : CheckpointStoreContract
{
    protected override ICheckpointStore CreateStore() => TestStores.Checkpoints(redis, redis.NewPrefix());
}
