using SyncHub.Storage;
using SyncHub.Testing.Redis;
using SyncHub.Testing.Storage;

namespace SyncHub.Redis.Tests;

/// <summary>The shared ticket store contract against Redis; every test gets its own key prefix.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisTicketStoreTests(RedisServerFixture redis) : TicketStoreContract
{
    private string? prefix;

    protected override ITicketStore CreateStore() => TestStores.Tickets(redis, prefix = redis.NewPrefix());

    protected override ITicketCounts Counts(ITicketStore store) =>
        new RedisTicketCounts(redis.Connection, TestStores.Options(redis, prefix!), Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisTicketCounts>.Instance);
}
