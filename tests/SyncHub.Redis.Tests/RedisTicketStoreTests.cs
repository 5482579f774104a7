using SyncHub.Storage;
using SyncHub.Testing.Redis;
using SyncHub.Testing.Storage;

namespace SyncHub.Redis.Tests;

/// <summary>The shared ticket store contract against Redis; every test gets its own key prefix.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisTicketStoreTests(RedisServerFixture redis) : TicketStoreContract
{
    protected override ITicketStore CreateStore() => TestStores.Tickets(redis, redis.NewPrefix());
}
