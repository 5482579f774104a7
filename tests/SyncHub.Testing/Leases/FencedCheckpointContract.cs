using SyncHub.Storage;
using Xunit;

namespace SyncHub.Testing.Leases;

/// <summary>
/// The fenced commit every <see cref="ICheckpointStore"/> shares: a cursor committed with a fencing token lower than
/// the last one committed for its source is refused, so an ex-holder of a poller's lease cannot move the cursor back.
/// </summary>
public abstract class FencedCheckpointContract
{
    private const string Source = "Freshcaller";

    [Fact]
    public async Task SetAsync_SameOrHigherToken_Commits()
    {
        var store = CreateStore();

        Assert.True(await store.SetAsync(Source, "page-1", 3));
        Assert.True(await store.SetAsync(Source, "page-2", 3));
        Assert.True(await store.SetAsync(Source, "page-3", 4));

        Assert.Equal("page-3", await store.GetAsync(Source));
    }

    [Fact]
    public async Task SetAsync_LowerTokenAfterAHigherOne_IsRefusedAndTheCursorStays()
    {
        var store = CreateStore();
        await store.SetAsync(Source, "page-1", 6);
        await store.SetAsync(Source, "page-5", 7);

        var stale = await store.SetAsync(Source, "page-2", 6);

        Assert.False(stale);
        Assert.Equal("page-5", await store.GetAsync(Source));
        Assert.True(await store.SetAsync(Source, "page-6", 7));
    }

    [Fact]
    public async Task SetAsync_TokensOfOneSource_DoNotFenceAnother()
    {
        var store = CreateStore();
        await store.SetAsync("Freshcaller", "call-9", 9);

        Assert.True(await store.SetAsync("AppFollow", "review-3", 1));
        Assert.Equal("review-3", await store.GetAsync("AppFollow"));
    }

    [Fact]
    public async Task ResetAsync_ForgetsTheCursorButKeepsTheFence()
    {
        var store = CreateStore();
        await store.SetAsync(Source, "page-5", 7);

        await store.ResetAsync(Source);

        Assert.False(await store.SetAsync(Source, "page-2", 6));
        Assert.Null(await store.GetAsync(Source));
        Assert.True(await store.SetAsync(Source, "page-0", 7));
    }

    [Fact]
    public async Task SetAsync_UnfencedCursorThenFenced_BothCommit()
    {
        var store = CreateStore();

        await store.SetAsync(Source, "saved");
        Assert.Equal("saved", await store.GetAsync(Source));

        Assert.True(await store.SetAsync(Source, "after-saved", 1));
        Assert.Equal("after-saved", await store.GetAsync(Source));
    }

    [Fact]
    public async Task SetAsync_CommitsWithManyTokensAtOnce_TheHighestTokensCursorWins()
    {
        var store = CreateStore();
        var tokens = Enumerable.Range(1, 24).Select(i => (long)i).ToArray();
        Random.Shared.Shuffle(tokens);

        var results = await Task.WhenAll(tokens.Select(t => store.SetAsync(Source, $"page-{t}", t)));

        Assert.Equal("page-24", await store.GetAsync(Source));
        Assert.True(results[Array.IndexOf(tokens, 24L)]);
        Assert.False(await store.SetAsync(Source, "page-23", 23));
    }

    /// <summary>A new, empty store.</summary>
    protected abstract ICheckpointStore CreateStore();
}
