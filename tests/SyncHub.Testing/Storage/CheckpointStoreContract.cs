using SyncHub.Storage;
using Xunit;

namespace SyncHub.Testing.Storage;

/// <summary>The behaviour every <see cref="ICheckpointStore"/> shares; subclass it once per store.</summary>
public abstract class CheckpointStoreContract
{
    [Fact]
    public async Task GetAsync_NothingCommitted_ReturnsNull()
    {
        var store = CreateStore();

        Assert.Null(await store.GetAsync("Freshcaller"));
    }

    [Fact]
    public async Task SetAsync_ThenGet_ReturnsLastCommittedCursor()
    {
        var store = CreateStore();

        await store.SetAsync("Freshcaller", "page-1");
        await store.SetAsync("Freshcaller", "page-2");

        Assert.Equal("page-2", await store.GetAsync("Freshcaller"));
    }

    [Fact]
    public async Task SetAsync_TwoSources_KeepsCursorsApart()
    {
        var store = CreateStore();

        await store.SetAsync("Freshcaller", "call-9");
        await store.SetAsync("AppFollow", "review-3");

        Assert.Equal("call-9", await store.GetAsync("Freshcaller"));
        Assert.Equal("review-3", await store.GetAsync("AppFollow"));
    }

    [Fact]
    public async Task ResetAsync_CommittedCursor_ForgetsOnlyThatSource()
    {
        var store = CreateStore();
        await store.SetAsync("Freshcaller", "call-9");
        await store.SetAsync("AppFollow", "review-3");

        await store.ResetAsync("Freshcaller");

        Assert.Null(await store.GetAsync("Freshcaller"));
        Assert.Equal("review-3", await store.GetAsync("AppFollow"));
    }

    /// <summary>A new, empty store.</summary>
    protected abstract ICheckpointStore CreateStore();
}
