using SyncHub.Storage;
using SyncHub.Testing.Redis;
using SyncHub.Testing.Storage;

namespace SyncHub.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedisDeadLetterStoreTests(RedisServerFixture redis) : DeadLetterStoreContract
{
    protected override IDeadLetterStore CreateStore() => TestStores.DeadLetters(redis, redis.NewPrefix());
}
