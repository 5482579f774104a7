using Microsoft.Extensions.Time.Testing;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Redis.Accounts;
using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests.Accounts;

/// <summary>
/// With the mirror off, look-ups are served from memory for <c>LookupCacheTtl</c>: a requester seen moments before costs
/// Redis nothing, this instance's own sync is seen at once, another instance's within the time to live.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisAccountLookupCacheTests(RedisServerFixture redis)
{
    private static readonly DateTimeOffset Modified = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly CrmAccount Initech = new("acc-9", "Initech", "Gold", "Customer", null, ["initech.example"], [], Modified);
    private static readonly Requester Peter = new(Email: "peter@initech.example");

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RepeatedLookUp_IsAnsweredFromMemory_WithoutAScriptCall()
    {
        var prefix = redis.NewPrefix();
        var directory = Create(prefix, TimeSpan.FromSeconds(30));
        await directory.UpsertAsync([Initech], []);

        var before = await ScriptCalls.CountAsync(redis);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("acc-9", (await directory.FindAsync(Peter))?.CrmId);
        }

        Assert.InRange(await ScriptCalls.CountAsync(redis) - before, 1, 1);
    }

    [Fact]
    public async Task AnotherInstancesSync_IsSeenWithinTheTimeToLive_ThisInstancesAtOnce()
    {
        var prefix = redis.NewPrefix();
        var reader = Create(prefix, TimeSpan.FromSeconds(30));
        var syncer = Create(prefix, TimeSpan.FromSeconds(30));
        Assert.Null(await reader.FindAsync(Peter));
        Assert.Null(await syncer.FindAsync(Peter));

        await syncer.UpsertAsync([Initech], []);

        Assert.Equal("acc-9", (await syncer.FindAsync(Peter))?.CrmId);
        Assert.Null(await reader.FindAsync(Peter));
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("acc-9", (await reader.FindAsync(Peter))?.CrmId);

        await syncer.RemoveAsync(["acc-9"], []);
        Assert.Null(await syncer.FindAsync(Peter));
    }

    [Fact]
    public async Task ZeroTimeToLive_AsksRedisEveryTime()
    {
        var prefix = redis.NewPrefix();
        var reader = Create(prefix, TimeSpan.Zero);
        Assert.Null(await reader.FindAsync(Peter));

        await Create(prefix, TimeSpan.Zero).UpsertAsync([Initech], []);

        Assert.Equal("acc-9", (await reader.FindAsync(Peter))?.CrmId);
    }

    private RedisAccountDirectory Create(string prefix, TimeSpan ttl) =>
        RedisAccountDirectoryTests.Create(redis, prefix, new AccountDirectoryOptions { LookupCacheTtl = ttl, Mirror = false }, time);
}
