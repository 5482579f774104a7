using SyncHub.InMemory;
using SyncHub.Reviews;

namespace SyncHub.Core.Tests.Reviews;

public sealed class InMemoryReviewSignalStoreTests
{
    private static readonly DateTimeOffset Start = ReviewTestRecords.Now;
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private static InMemoryReviewSignalStore CreateSut() => new();

    private static Task<SignalCount> RecordAsync(IReviewSignalStore sut, long ticket, TimeSpan after, string signature = "gp:app|4.2.0|crash", int threshold = 3) =>
        sut.RecordAsync(signature, ticket, "4.2.0", Start + after, Window, threshold);

    [Fact]
    public async Task RecordAsync_ThresholdReached_CrossesOnceForTheReviewThatReachedIt()
    {
        var sut = CreateSut();

        var counts = new List<SignalCount>();
        for (var ticket = 1; ticket <= 6; ticket++)
        {
            counts.Add(await RecordAsync(sut, ticket, TimeSpan.FromMinutes(ticket)));
        }

        Assert.Equal([1, 2, 3, 4, 5, 6], counts.Select(c => c.Count));
        Assert.Equal([false, false, true, false, false, false], counts.Select(c => c.Crossed));
        Assert.Equal([1L, 2, 3], counts[2].Entries.Select(e => e.TicketNumber));
        Assert.All(counts.Where(c => !c.Crossed), c => Assert.Empty(c.Entries));
    }

    [Fact]
    public async Task RecordAsync_SameTicketAgain_CountsItOnceAndKeepsTheCrossingReview()
    {
        var sut = CreateSut();
        for (var ticket = 1; ticket <= 3; ticket++)
        {
            await RecordAsync(sut, ticket, TimeSpan.FromMinutes(ticket));
        }

        var crosserAgain = await RecordAsync(sut, 3, TimeSpan.FromMinutes(10));
        var otherAgain = await RecordAsync(sut, 2, TimeSpan.FromMinutes(11));

        Assert.Equal((3, true), (crosserAgain.Count, crosserAgain.Crossed));
        Assert.Equal((3, false), (otherAgain.Count, otherAgain.Crossed));
    }

    [Fact]
    public async Task RecordAsync_ReviewsSpreadWiderThanTheWindow_NeverCross()
    {
        var sut = CreateSut();

        var counts = new List<SignalCount>();
        for (var ticket = 1; ticket <= 5; ticket++)
        {
            counts.Add(await RecordAsync(sut, ticket, TimeSpan.FromHours(13 * ticket)));
        }

        Assert.All(counts, c => Assert.False(c.Crossed));
        Assert.True(counts.Max(c => c.Count) <= 2);
    }

    [Fact]
    public async Task RecordAsync_KnownFrequentWhileReviewsKeepComing_ThenCrossesAgainAfterAQuietWindow()
    {
        var sut = CreateSut();
        for (var ticket = 1; ticket <= 3; ticket++)
        {
            await RecordAsync(sut, ticket, TimeSpan.FromMinutes(ticket));
        }

        // One more review every 20 hours keeps the signature known frequent, even once the first burst left the window.
        var steady = new List<SignalCount>();
        for (var ticket = 4; ticket <= 7; ticket++)
        {
            steady.Add(await RecordAsync(sut, ticket, TimeSpan.FromHours(20 * (ticket - 3))));
        }

        // A whole window without a review: the next burst is news again.
        var quietEnd = TimeSpan.FromHours(80 + 25);
        var burst = new List<SignalCount>();
        for (var ticket = 8; ticket <= 10; ticket++)
        {
            burst.Add(await RecordAsync(sut, ticket, quietEnd + TimeSpan.FromMinutes(ticket)));
        }

        Assert.All(steady, c => Assert.False(c.Crossed));
        Assert.Equal([false, false, true], burst.Select(c => c.Crossed));
    }

    [Fact]
    public async Task RecordAsync_ManySignaturesOverTime_ForgetsTheQuietOnes()
    {
        var sut = CreateSut();
        for (var i = 0; i < InMemoryReviewSignalStore.SweepEvery - 1; i++)
        {
            await RecordAsync(sut, i, TimeSpan.Zero, signature: $"gp:app|4.2.0|crash-{i}", threshold: 100);
        }

        await RecordAsync(sut, 1, Window * 3, signature: "gp:app|4.3.0|crash");

        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public async Task RecordAsync_OtherSignature_CountsApart()
    {
        var sut = CreateSut();
        await RecordAsync(sut, 1, TimeSpan.Zero);
        await RecordAsync(sut, 2, TimeSpan.Zero);

        var other = await RecordAsync(sut, 3, TimeSpan.Zero, signature: "gp:app|4.2.0|login");

        Assert.Equal((1, false), (other.Count, other.Crossed));
    }
}
