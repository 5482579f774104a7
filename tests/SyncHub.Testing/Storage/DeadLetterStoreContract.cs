using SyncHub.Storage;
using Xunit;

namespace SyncHub.Testing.Storage;

/// <summary>The behaviour every <see cref="IDeadLetterStore"/> shares; subclass it once per store.</summary>
public abstract class DeadLetterStoreContract
{
    private static readonly DateTimeOffset At = new(2025, 3, 10, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListAsync_Empty_ReturnsNothing()
    {
        var store = CreateStore();

        Assert.Empty(await store.ListAsync(10));
        Assert.Equal(0, await store.CountAsync());
    }

    [Fact]
    public async Task AddAsync_Letter_IsListedWithAllItsFields()
    {
        var store = CreateStore();
        var letter = new DeadLetter("Email", null, "externalId is empty", "{\"subject\":\"Help\"}", At);

        await store.AddAsync(letter);

        Assert.Equal([letter], await store.ListAsync(10));
        Assert.Equal(1, await store.CountAsync());
    }

    [Fact]
    public async Task ListAsync_MoreLettersThanCount_ReturnsNewestInInsertionOrder()
    {
        var store = CreateStore();
        for (var i = 1; i <= 5; i++)
        {
            await store.AddAsync(new DeadLetter("WebForm", $"sub-{i}", "invalid", "{}", At.AddMinutes(i)));
        }

        var listed = await store.ListAsync(3);

        Assert.Equal(["sub-3", "sub-4", "sub-5"], listed.Select(l => l.ExternalId));
        Assert.Equal(5, await store.CountAsync());
    }

    /// <summary>A new, empty store.</summary>
    protected abstract IDeadLetterStore CreateStore();
}
