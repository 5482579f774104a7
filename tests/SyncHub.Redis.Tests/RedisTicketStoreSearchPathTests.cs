using Microsoft.Extensions.Logging.Abstractions;
using SyncHub.Storage;
using SyncHub.Testing.Redis;
using SyncHub.Testing.Storage;

namespace SyncHub.Redis.Tests;

/// <summary>
/// The shared contract against Redis with searches forced off the path small data takes (reading the most selective
/// set whole): every search intersects its conditions with the sort index in Redis.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisTicketStoreIntersectingSearchTests(RedisServerFixture redis) : TicketStoreContract
{
    private string? prefix;

    protected override ITicketStore CreateStore() =>
        new RedisTicketStore(redis.Connection, TestStores.Options(redis, prefix = redis.NewPrefix()), NullLogger<RedisTicketStore>.Instance) { MaterializeLimit = 0, WalkBudget = 0 };

    protected override ITicketCounts Counts(ITicketStore store) =>
        new RedisTicketCounts(redis.Connection, TestStores.Options(redis, prefix!), NullLogger<RedisTicketCounts>.Instance);
}

/// <summary>The shared contract against Redis with every search walking the sort index and checking each ticket.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisTicketStoreWalkingSearchTests(RedisServerFixture redis) : TicketStoreContract
{
    private string? prefix;

    protected override ITicketStore CreateStore() =>
        new RedisTicketStore(redis.Connection, TestStores.Options(redis, prefix = redis.NewPrefix()), NullLogger<RedisTicketStore>.Instance) { MaterializeLimit = 0, WalkBudget = 1_000_000 };

    protected override ITicketCounts Counts(ITicketStore store) =>
        new RedisTicketCounts(redis.Connection, TestStores.Options(redis, prefix!), NullLogger<RedisTicketCounts>.Instance);
}
