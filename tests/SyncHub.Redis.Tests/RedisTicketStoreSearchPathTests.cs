using Microsoft.Extensions.Logging.Abstractions;
using SyncHub.Storage;
using SyncHub.Testing.Redis;
using SyncHub.Testing.Storage;

namespace SyncHub.Redis.Tests;

/// <summary>
/// The shared contract against Redis with searches forced onto one path of search.lua: <paramref name="bitmapFrom"/>
/// sets the token size at which index-ops.lua turns a token's set into a bitmap (null: the default), and the limits
/// choose between reading the most selective condition whole (at once, or after a short walk found it sparse),
/// walking the sort index and the fallback.
/// </summary>
public abstract class RedisSearchPathContract(RedisServerFixture redis, int? bitmapFrom, int readLimit, int walkBudget, int probeReadLimit = 0)
    : TicketStoreContract
{
    private string? prefix;

    protected override ITicketStore CreateStore()
    {
        prefix = redis.NewPrefix();
        if (bitmapFrom is { } from)
        {
            redis.Connection.GetDatabase().StringSet(prefix + "search:bitmap-from", from);
        }

        return new RedisTicketStore(redis.Connection, TestStores.Options(redis, prefix), NullLogger<RedisTicketStore>.Instance)
        {
            ReadLimit = readLimit,
            WalkBudget = walkBudget,
            ProbeReadLimit = probeReadLimit,
        };
    }

    protected override ITicketCounts Counts(ITicketStore store) =>
        new RedisTicketCounts(redis.Connection, TestStores.Options(redis, prefix!), NullLogger<RedisTicketCounts>.Instance);
}

/// <summary>
/// Word sets only; every search without an index condition (a bitmap) and in a sort set's order intersects its
/// conditions with the sort set in Redis (ZINTERSTORE); the others read the most selective condition whole.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisTicketStoreIntersectingSearchTests(RedisServerFixture redis)
    : RedisSearchPathContract(redis, bitmapFrom: null, readLimit: 0, walkBudget: 0);

/// <summary>Word sets only; every search walks the sort index and checks each ticket.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisTicketStoreWalkingSearchTests(RedisServerFixture redis)
    : RedisSearchPathContract(redis, bitmapFrom: null, readLimit: 0, walkBudget: 1_000_000);

/// <summary>Every token a bitmap from its first ticket, default limits: the words are combined with BITOP.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisTicketStoreBitmapWordsSearchTests(RedisServerFixture redis)
    : RedisSearchPathContract(redis, bitmapFrom: 1, RedisTicketStore.DefaultReadLimit, RedisTicketStore.DefaultWalkBudget, RedisTicketStore.DefaultProbeReadLimit);

/// <summary>
/// Tokens of two or more tickets as bitmaps; every search with a driver walks one ticket first, then either walks on
/// or reads the driver whole, by the match rate that ticket showed.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisTicketStoreBitmapWordsProbingSearchTests(RedisServerFixture redis)
    : RedisSearchPathContract(redis, bitmapFrom: 2, readLimit: 0, walkBudget: 1, probeReadLimit: 1_000_000);

/// <summary>Word sets only; every search with a driver walks one ticket first, then walks on or reads the driver whole.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisTicketStoreProbingSearchTests(RedisServerFixture redis)
    : RedisSearchPathContract(redis, bitmapFrom: null, readLimit: 0, walkBudget: 1, probeReadLimit: 1_000_000);

/// <summary>
/// Tokens of two or more tickets as bitmaps, the others as sets, and no walk: the most selective condition is read
/// whole however large (the fallback when a bitmap rules out ZINTERSTORE).
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisTicketStoreBitmapWordsReadingSearchTests(RedisServerFixture redis)
    : RedisSearchPathContract(redis, bitmapFrom: 2, readLimit: 0, walkBudget: 0);

/// <summary>Tokens of two or more tickets as bitmaps, the others as sets; every search walks the sort index.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisTicketStoreBitmapWordsWalkingSearchTests(RedisServerFixture redis)
    : RedisSearchPathContract(redis, bitmapFrom: 2, readLimit: 0, walkBudget: 1_000_000);
