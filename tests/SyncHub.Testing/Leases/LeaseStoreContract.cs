using SyncHub.Leases;
using Xunit;

namespace SyncHub.Testing.Leases;

/// <summary>
/// The behaviour every <see cref="ILeaseStore"/> shares; subclass it once per store. Time passes through
/// <see cref="PassAsync"/>: a fake clock for the in-memory store; for a server, whatever moves its expiry clock on.
/// </summary>
public abstract class LeaseStoreContract
{
    /// <summary>A TTL no test outlives.</summary>
    protected static readonly TimeSpan Long = TimeSpan.FromMinutes(1);

    /// <summary>A TTL that tests let run out: they pass 0.6 of it where the lease must still be held, 1.2 where it must have expired.</summary>
    protected static readonly TimeSpan Short = TimeSpan.FromSeconds(10);

    private const string Name = "poller:Freshcaller";

    [Fact]
    public async Task TryAcquireAsync_Free_GivesTheLeaseWithAPositiveToken()
    {
        var store = CreateStore();

        var lease = await store.TryAcquireAsync(Name, "hub-a", Long);

        Assert.NotNull(lease);
        Assert.Equal((Name, "hub-a"), (lease.Name, lease.Owner));
        Assert.True(lease.Token > 0);
    }

    [Fact]
    public async Task TryAcquireAsync_HeldByAnother_ReturnsNull()
    {
        var store = CreateStore();
        await store.TryAcquireAsync(Name, "hub-a", Long);

        Assert.Null(await store.TryAcquireAsync(Name, "hub-b", Long));
        Assert.Null(await store.TryAcquireAsync(Name, "hub-c", Long));
    }

    [Fact]
    public async Task TryAcquireAsync_HolderAgain_ReturnsTheSameTokenAndExtendsIt()
    {
        var store = CreateStore();
        var first = await store.TryAcquireAsync(Name, "hub-a", Short);
        await PassAsync(Short * 0.6);

        var again = await store.TryAcquireAsync(Name, "hub-a", Short);
        await PassAsync(Short * 0.6);

        Assert.Equal(first, again);
        Assert.Null(await store.TryAcquireAsync(Name, "hub-b", Long));
    }

    [Fact]
    public async Task TryAcquireAsync_HolderLetItExpire_AnotherOwnerGetsItWithAHigherToken()
    {
        var store = CreateStore();
        var first = await store.TryAcquireAsync(Name, "hub-a", Short);
        Assert.Null(await store.TryAcquireAsync(Name, "hub-b", Long));

        await PassAsync(Short * 1.2);
        var second = await store.TryAcquireAsync(Name, "hub-b", Long);

        Assert.NotNull(second);
        Assert.Equal("hub-b", second.Owner);
        Assert.True(second.Token > first!.Token);
        Assert.Null(await store.TryAcquireAsync(Name, "hub-a", Long));
    }

    [Fact]
    public async Task TryAcquireAsync_AfterRelease_AnotherOwnerGetsItAtOnceWithAHigherToken()
    {
        var store = CreateStore();
        var first = await store.TryAcquireAsync(Name, "hub-a", Long);

        await store.ReleaseAsync(first!);
        var second = await store.TryAcquireAsync(Name, "hub-b", Long);

        Assert.NotNull(second);
        Assert.True(second.Token > first!.Token);
    }

    [Fact]
    public async Task TryAcquireAsync_ManyHandovers_TokensOnlyGrow()
    {
        var store = CreateStore();
        var tokens = new List<long>();

        for (var i = 0; i < 6; i++)
        {
            var lease = await store.TryAcquireAsync(Name, i % 2 == 0 ? "hub-a" : "hub-b", Long);
            tokens.Add(lease!.Token);
            await store.ReleaseAsync(lease);
        }

        Assert.Equal(tokens.Order(), tokens);
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    [Fact]
    public async Task TryAcquireAsync_TwoNames_AreHeldApart()
    {
        var store = CreateStore();

        var calls = await store.TryAcquireAsync("poller:Freshcaller", "hub-a", Long);
        var mail = await store.TryAcquireAsync("poller:Email", "hub-b", Long);

        Assert.NotNull(calls);
        Assert.NotNull(mail);
        Assert.Null(await store.TryAcquireAsync("poller:Email", "hub-a", Long));
    }

    [Fact]
    public async Task TryAcquireAsync_ManyOwnersAtOnce_ExactlyOneGetsIt()
    {
        var store = CreateStore();

        var leases = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => store.TryAcquireAsync(Name, $"hub-{i}", Long)));

        Assert.Single(leases, l => l is not null);
    }

    [Fact]
    public async Task RenewAsync_Holder_KeepsTheLeasePastItsFirstTtl()
    {
        var store = CreateStore();
        var lease = await store.TryAcquireAsync(Name, "hub-a", Short);

        await PassAsync(Short * 0.6);
        Assert.True(await store.RenewAsync(lease!, Short));
        await PassAsync(Short * 0.6);

        Assert.Null(await store.TryAcquireAsync(Name, "hub-b", Long));
        Assert.True(await store.RenewAsync(lease!, Long));
    }

    [Fact]
    public async Task RenewAsync_Expired_ReturnsFalse()
    {
        var store = CreateStore();
        var lease = await store.TryAcquireAsync(Name, "hub-a", Short);

        await PassAsync(Short * 1.2);

        Assert.False(await store.RenewAsync(lease!, Long));
        Assert.NotNull(await store.TryAcquireAsync(Name, "hub-b", Long));
    }

    [Fact]
    public async Task RenewAsync_StaleHolderAfterAnotherTookOver_ReturnsFalseAndLeavesTheNewHolder()
    {
        var store = CreateStore();
        var stale = await store.TryAcquireAsync(Name, "hub-a", Short);
        await PassAsync(Short * 1.2);
        var current = await store.TryAcquireAsync(Name, "hub-b", Long);

        Assert.False(await store.RenewAsync(stale!, Long));

        Assert.True(await store.RenewAsync(current!, Long));
        Assert.Null(await store.TryAcquireAsync(Name, "hub-a", Long));
    }

    [Fact]
    public async Task RenewAsync_NotTheHolder_ReturnsFalse()
    {
        var store = CreateStore();
        var held = await store.TryAcquireAsync(Name, "hub-a", Long);

        Assert.False(await store.RenewAsync(held! with { Owner = "hub-b" }, Long));
        Assert.False(await store.RenewAsync(held! with { Token = held.Token + 1 }, Long));
        Assert.True(await store.RenewAsync(held!, Long));
    }

    [Fact]
    public async Task RenewAsync_SameOwnerOlderToken_ReturnsFalse()
    {
        var store = CreateStore();
        var older = await store.TryAcquireAsync(Name, "hub-a", Long);
        await store.ReleaseAsync(older!);
        var newer = await store.TryAcquireAsync(Name, "hub-a", Long);

        Assert.False(await store.RenewAsync(older!, Long));
        Assert.True(await store.RenewAsync(newer!, Long));
    }

    [Fact]
    public async Task ReleaseAsync_StaleHolder_DoesNotFreeTheNewHolder()
    {
        var store = CreateStore();
        var stale = await store.TryAcquireAsync(Name, "hub-a", Short);
        await PassAsync(Short * 1.2);
        var current = await store.TryAcquireAsync(Name, "hub-b", Long);

        await store.ReleaseAsync(stale!);

        Assert.Null(await store.TryAcquireAsync(Name, "hub-c", Long));
        Assert.True(await store.RenewAsync(current!, Long));
    }

    [Fact]
    public async Task ReleaseAsync_Holder_RenewingAfterwardsReturnsFalse()
    {
        var store = CreateStore();
        var lease = await store.TryAcquireAsync(Name, "hub-a", Long);

        await store.ReleaseAsync(lease!);

        Assert.False(await store.RenewAsync(lease!, Long));
    }

    /// <summary>A new store that shares no lease with any other test.</summary>
    protected abstract ILeaseStore CreateStore();

    /// <summary>Lets <paramref name="span"/> of the store's time pass.</summary>
    protected abstract Task PassAsync(TimeSpan span);
}
