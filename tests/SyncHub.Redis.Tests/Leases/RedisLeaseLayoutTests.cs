using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using SyncHub.Redis.Leases;
using SyncHub.Redis.Tests.Outbox;
using SyncHub.Storage;
using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests.Leases;

/// <summary>The lease and fencing keys as README.md documents them, and how the lease store fails.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisLeaseLayoutTests(RedisServerFixture redis)
{
    private const string Name = "poller:Freshcaller";

    private IDatabase Database => redis.Connection.GetDatabase();

    private RedisLeaseStore CreateSut(string prefix, IConnectionMultiplexer? connection = null) =>
        new(connection ?? redis.Connection, TestStores.Options(redis, prefix), NullLogger<RedisLeaseStore>.Instance);

    [Fact]
    public async Task TryAcquireAsync_Free_WritesTokenAndOwnerWithTheTtlAndCountsTheToken()
    {
        var prefix = redis.NewPrefix();
        var sut = CreateSut(prefix);

        var lease = await sut.TryAcquireAsync(Name, "host-1/4242/ab12cd34", TimeSpan.FromSeconds(15));

        Assert.Equal($"{lease!.Token}:host-1/4242/ab12cd34", (string?)await Database.StringGetAsync($"{prefix}lease:{Name}"));
        var ttl = await Database.KeyTimeToLiveAsync($"{prefix}lease:{Name}");
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(14), TimeSpan.FromSeconds(15));
        Assert.Equal(lease.Token, (long)await Database.StringGetAsync($"{prefix}lease-token:{Name}"));
        Assert.Null(await Database.KeyTimeToLiveAsync($"{prefix}lease-token:{Name}"));
    }

    [Fact]
    public async Task TryAcquireAsync_TtlRunOutOnTheServersClock_AnotherOwnerGetsItWithAHigherToken()
    {
        var sut = CreateSut(redis.NewPrefix());
        // Long enough that the second owner's first try, right after, cannot outlast it on a loaded machine (200 ms did once).
        var first = await sut.TryAcquireAsync(Name, "hub-a", TimeSpan.FromMilliseconds(1_500));
        Assert.Null(await sut.TryAcquireAsync(Name, "hub-b", TimeSpan.FromMinutes(1)));

        await Task.Delay(TimeSpan.FromMilliseconds(2_000));
        var second = await sut.TryAcquireAsync(Name, "hub-b", TimeSpan.FromMinutes(1));

        Assert.NotNull(second);
        Assert.True(second.Token > first!.Token);
        Assert.False(await sut.RenewAsync(first, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task RenewAsync_Holder_ResetsTheKeysTtl()
    {
        var prefix = redis.NewPrefix();
        var sut = CreateSut(prefix);
        var lease = await sut.TryAcquireAsync(Name, "hub-a", TimeSpan.FromSeconds(2));

        Assert.True(await sut.RenewAsync(lease!, TimeSpan.FromMinutes(1)));

        Assert.InRange((await Database.KeyTimeToLiveAsync($"{prefix}lease:{Name}"))!.Value, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task TryAcquireAsync_LeaseKeyDeletedByHand_NextTokenStillHigher()
    {
        var prefix = redis.NewPrefix();
        var sut = CreateSut(prefix);
        var first = await sut.TryAcquireAsync(Name, "hub-a", TimeSpan.FromMinutes(1));

        await Database.KeyDeleteAsync($"{prefix}lease:{Name}");
        var second = await sut.TryAcquireAsync(Name, "hub-b", TimeSpan.FromMinutes(1));

        Assert.True(second!.Token > first!.Token);
    }

    [Fact]
    public async Task SetAsync_Fenced_WritesTheCursorAndTheTokenBesideIt()
    {
        var prefix = redis.NewPrefix();
        var checkpoints = TestStores.Checkpoints(redis, prefix);

        await checkpoints.SetAsync("Freshcaller", "2026-11-30T12:00:00Z", 7);

        Assert.Equal("2026-11-30T12:00:00Z", (string?)await Database.HashGetAsync($"{prefix}checkpoints", "Freshcaller"));
        Assert.Equal(7, (long)await Database.HashGetAsync($"{prefix}checkpoint-tokens", "Freshcaller"));
    }

    [Fact]
    public async Task Scripts_FlushedFromTheServer_AreSentAgain()
    {
        var prefix = redis.NewPrefix();
        var sut = CreateSut(prefix);
        var checkpoints = TestStores.Checkpoints(redis, prefix);
        var lease = await sut.TryAcquireAsync(Name, "hub-a", TimeSpan.FromMinutes(1));
        await checkpoints.SetAsync("Freshcaller", "c1", lease!.Token);

        await redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]).ScriptFlushAsync();

        Assert.True(await sut.RenewAsync(lease, TimeSpan.FromMinutes(1)));
        Assert.True(await checkpoints.SetAsync("Freshcaller", "c2", lease.Token));
        await sut.ReleaseAsync(lease);
        Assert.NotNull(await sut.TryAcquireAsync(Name, "hub-b", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Calls_RedisUnreachable_ThrowStoreUnavailable()
    {
        await using var down = await UnreachableRedis.ConnectAsync();
        var sut = CreateSut(redis.NewPrefix(), down);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.TryAcquireAsync(Name, "hub-a", TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.RenewAsync(new SyncHub.Leases.Lease(Name, "hub-a", 1), TimeSpan.FromSeconds(1)));
    }
}
