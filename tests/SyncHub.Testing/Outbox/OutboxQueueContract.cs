using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Domain;
using SyncHub.Outbox;
using SyncHub.Storage;
using SyncHub.Testing.Storage;
using Xunit;

namespace SyncHub.Testing.Outbox;

/// <summary>
/// The behaviour every <see cref="IOutboxQueue"/> shares (in memory, Redis): each consumer group gets every event
/// once, whenever the group was created; an event stays pending with its consumer until acknowledged and is
/// claimed by another consumer once idle, counting each hand-out; the lag is pending plus unread. Events are
/// written through the store the queue reads. Subclass it per implementation.
/// </summary>
public abstract class OutboxQueueContract
{
    protected const string Group = "notifier:Test";

    /// <summary>The idle time after which the claim tests take over an event: small, so real-time waits stay short.</summary>
    protected static readonly TimeSpan MinIdle = TimeSpan.FromMilliseconds(50);

    /// <summary>Longer than any test runs: nothing pending becomes this idle.</summary>
    private static readonly TimeSpan LongIdle = TimeSpan.FromMinutes(10);

    protected OutboxQueueContract()
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 13, 0, 0, TimeSpan.Zero));
        Samples = new SampleRecords(Time);
    }

    /// <summary>The clock of the store's records (and of an in-memory queue).</summary>
    protected FakeTimeProvider Time { get; }

    protected SampleRecords Samples { get; }

    /// <summary>A new, empty store and a queue over its outbox.</summary>
    protected abstract (ITicketStore Store, IOutboxQueue Queue) CreateSut();

    /// <summary>Lets at least <paramref name="idle"/> pass for events pending in the queue (the real clock, or a fake one).</summary>
    protected abstract Task LetTimePassAsync(TimeSpan idle);

    /// <summary>The appender of events that belong to no ticket, writing to <paramref name="store"/>'s outbox.</summary>
    protected abstract IOutboxAppender Appender(ITicketStore store);

    [Fact]
    public async Task AppendOnceAsync_SameKeyTwice_OneEventForEveryGroupAfterTheTicketsEvents()
    {
        var (store, sut) = CreateSut();
        await CreateTicketsAsync(store, 1);
        var appender = Appender(store);
        var alert = new OutboxEvent
        {
            Id = "alert:team:credits",
            Type = ChatEvents.Message,
            TicketId = "",
            CreatedAt = Time.GetUtcNow(),
            Data = new Dictionary<string, string> { [ChatEvents.Title] = "AppFollow out of credits" },
        };

        var first = await appender.AppendOnceAsync("credits", alert, TimeSpan.FromDays(1));
        var again = await appender.AppendOnceAsync("credits", alert with { CreatedAt = Time.GetUtcNow().AddSeconds(1) }, TimeSpan.FromDays(1));
        var other = await appender.AppendOnceAsync("uncovered", alert with { Id = "alert:team:uncovered" }, TimeSpan.FromDays(1));

        Assert.Equal((true, false, true), (first, again, other));
        var read = await sut.ReadAsync(Group, "a", 10);
        Assert.Equal(["alert:team:credits", "alert:team:uncovered"], read.Skip(read.Count - 2).Select(d => d.Event.Id));
        Assert.Equal(Json(alert), Json(read[^2].Event));
        Assert.Equal(2, read.Count(d => d.Event.TicketId.Length == 0));
    }

    [Fact]
    public async Task ReadAsync_EventsWritten_HandsEachOutOnceInStoreOrder()
    {
        var (store, sut) = CreateSut();
        await CreateTicketsAsync(store, 3);
        var written = await store.ReadOutboxAsync(null, 100);

        var first = await sut.ReadAsync(Group, "a", 10);
        var second = await sut.ReadAsync(Group, "a", 10);

        Assert.Equal(written.Select(e => e.Position), first.Select(d => d.Position));
        Assert.Equal(written.Select(e => Json(e.Event)), first.Select(d => Json(d.Event)));
        Assert.All(first, d => Assert.Equal(1, d.DeliveryCount));
        Assert.Empty(second);
    }

    [Fact]
    public async Task ReadAsync_EventOfCreatedTicket_CarriesTheTicketNumber()
    {
        var (store, sut) = CreateSut();
        var created = await store.CreateAsync(Samples.Creation());

        var delivery = Assert.Single(await sut.ReadAsync(Group, "a", 10));

        Assert.Equal((created.TicketId, created.Number, OutboxEventTypes.TicketCreated), (delivery.Event.TicketId, delivery.Event.TicketNumber, delivery.Event.Type));
    }

    [Fact]
    public async Task ReadAsync_CountSmallerThanBacklog_ReadsTheRestInOrderOnLaterCalls()
    {
        var (store, sut) = CreateSut();
        await CreateTicketsAsync(store, 5);
        var written = await store.ReadOutboxAsync(null, 100);

        var pages = new List<IReadOnlyList<OutboxDelivery>>();
        for (var i = 0; i < 3; i++)
        {
            pages.Add(await sut.ReadAsync(Group, "a", 2));
        }

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(written.Select(e => e.Position), pages.SelectMany(p => p).Select(d => d.Position));
    }

    [Fact]
    public async Task ReadAsync_EventsWrittenBeforeTheGroupExisted_AreDelivered()
    {
        var (store, sut) = CreateSut();
        await CreateTicketsAsync(store, 2);

        var before = await sut.ReadAsync(Group, "a", 10);
        await CreateTicketsAsync(store, 1);
        var after = await sut.ReadAsync(Group, "a", 10);

        Assert.Equal(2, before.Count);
        Assert.Single(after);
        Assert.Equal((await store.ReadOutboxAsync(null, 100)).Select(e => e.Position), before.Concat(after).Select(d => d.Position));
    }

    [Fact]
    public async Task ReadAsync_TwoGroups_EachGetsEveryEvent()
    {
        var (store, sut) = CreateSut();
        await CreateTicketsAsync(store, 3);

        var chat = await sut.ReadAsync("notifier:Chat", "a", 10);
        var mail = await sut.ReadAsync("notifier:Mail", "a", 10);

        Assert.Equal(3, chat.Count);
        Assert.Equal(chat.Select(d => d.Position), mail.Select(d => d.Position));
    }

    [Fact]
    public async Task ReadAsync_TwoConsumersOfOneGroup_ShareTheEventsWithoutOverlap()
    {
        var (store, sut) = CreateSut();
        await CreateTicketsAsync(store, 4);

        var a = await sut.ReadAsync(Group, "a", 3);
        var b = await sut.ReadAsync(Group, "b", 3);

        Assert.Equal(3, a.Count);
        Assert.Single(b);
        Assert.Equal((await store.ReadOutboxAsync(null, 100)).Select(e => e.Position), a.Concat(b).Select(d => d.Position));
    }

    [Fact]
    public async Task ReadAsync_EmptyOutbox_ReturnsNothing()
    {
        var (_, sut) = CreateSut();

        Assert.Empty(await sut.ReadAsync(Group, "a", 10));
        Assert.Equal(0, await sut.LagAsync(Group));
    }

    [Fact]
    public async Task ReadAsync_UnacknowledgedEvent_IsNotReadAgain()
    {
        var (store, sut) = CreateSut();
        await CreateTicketsAsync(store, 1);
        await sut.ReadAsync(Group, "a", 10);

        Assert.Empty(await sut.ReadAsync(Group, "a", 10));
        Assert.Empty(await sut.ReadAsync(Group, "b", 10));
    }

    [Fact]
    public async Task ClaimStaleAsync_BeforeMinIdle_ClaimsNothing()
    {
        var (store, sut) = CreateSut();
        await CreateTicketsAsync(store, 1);
        await sut.ReadAsync(Group, "a", 10);

        Assert.Empty(await sut.ClaimStaleAsync(Group, "b", LongIdle, 10));
    }

    [Fact]
    public async Task ClaimStaleAsync_UnacknowledgedPastMinIdle_HandsItToAnotherConsumerAsSecondDelivery()
    {
        var (store, sut) = CreateSut();
        await CreateTicketsAsync(store, 1);
        var read = Assert.Single(await sut.ReadAsync(Group, "a", 10));
        await LetTimePassAsync(MinIdle);

        var claimed = Assert.Single(await sut.ClaimStaleAsync(Group, "b", MinIdle, 10));

        Assert.Equal((read.Position, 2), (claimed.Position, claimed.DeliveryCount));
        Assert.Equal(Json(read.Event), Json(claimed.Event));
        Assert.Empty(await sut.ClaimStaleAsync(Group, "c", LongIdle, 10));
        Assert.Empty(await sut.ReadAsync(Group, "c", 10));
    }

    [Fact]
    public async Task KeepAsync_ConsumerStillRetrying_IsNotClaimedAsStaleAndCountsNoDelivery()
    {
        // A whole second of idle time, so a loaded machine cannot make the renewed entry look stale again.
        var idle = TimeSpan.FromSeconds(1);
        var (store, sut) = CreateSut();
        await CreateTicketsAsync(store, 1);
        var read = Assert.Single(await sut.ReadAsync(Group, "a", 10));
        await LetTimePassAsync(idle);

        await sut.KeepAsync(Group, "a", read.Position);

        Assert.Empty(await sut.ClaimStaleAsync(Group, "b", idle, 10));
        await LetTimePassAsync(idle);
        var claimed = Assert.Single(await sut.ClaimStaleAsync(Group, "b", idle, 10));
        Assert.Equal(2, claimed.DeliveryCount);
    }

    [Fact]
    public async Task ClaimStaleAsync_ClaimedAgainAfterMinIdle_CountsEveryHandOut()
    {
        var (store, sut) = CreateSut();
        await CreateTicketsAsync(store, 1);
        await sut.ReadAsync(Group, "a", 10);
        await LetTimePassAsync(MinIdle);
        await sut.ClaimStaleAsync(Group, "b", MinIdle, 10);
        await LetTimePassAsync(MinIdle);

        var third = Assert.Single(await sut.ClaimStaleAsync(Group, "c", MinIdle, 10));

        Assert.Equal(3, third.DeliveryCount);
    }

    [Fact]
    public async Task ClaimStaleAsync_AcknowledgedEvent_IsNeverClaimed()
    {
        var (store, sut) = CreateSut();
        await CreateTicketsAsync(store, 2);
        var read = await sut.ReadAsync(Group, "a", 10);
        await sut.AckAsync(Group, read[0].Position);
        await LetTimePassAsync(MinIdle);

        var claimed = await sut.ClaimStaleAsync(Group, "b", MinIdle, 10);

        Assert.Equal([read[1].Position], claimed.Select(d => d.Position));
    }

    [Fact]
    public async Task ClaimStaleAsync_MorePendingThanCount_ClaimsTheOldestFirst()
    {
        var (store, sut) = CreateSut();
        await CreateTicketsAsync(store, 3);
        var read = await sut.ReadAsync(Group, "a", 10);
        await LetTimePassAsync(MinIdle);

        var first = await sut.ClaimStaleAsync(Group, "b", MinIdle, 2);
        var rest = await sut.ClaimStaleAsync(Group, "b", MinIdle, 2);

        Assert.Equal(read.Take(2).Select(d => d.Position), first.Select(d => d.Position));
        Assert.Equal([read[2].Position], rest.Select(d => d.Position));
    }

    [Fact]
    public async Task ClaimStaleAsync_OtherGroupsPending_AreNotClaimed()
    {
        var (store, sut) = CreateSut();
        await CreateTicketsAsync(store, 1);
        await sut.ReadAsync("notifier:Chat", "a", 10);
        await LetTimePassAsync(MinIdle);

        Assert.Empty(await sut.ClaimStaleAsync("notifier:Mail", "b", MinIdle, 10));
    }

    [Fact]
    public async Task AckAsync_Twice_IsHarmless()
    {
        var (store, sut) = CreateSut();
        await CreateTicketsAsync(store, 1);
        var read = Assert.Single(await sut.ReadAsync(Group, "a", 10));

        await sut.AckAsync(Group, read.Position);
        await sut.AckAsync(Group, read.Position);

        Assert.Equal(0, await sut.LagAsync(Group));
    }

    [Fact]
    public async Task LagAsync_PendingAndUnread_CountsBothAndDropsToZeroAfterAcks()
    {
        var (store, sut) = CreateSut();
        await CreateTicketsAsync(store, 3);
        var fresh = await sut.LagAsync(Group);
        var read = await sut.ReadAsync(Group, "a", 2);
        var afterRead = await sut.LagAsync(Group);
        await sut.AckAsync(Group, read[0].Position);
        var afterAck = await sut.LagAsync(Group);
        read = [.. read.Skip(1), .. await sut.ReadAsync(Group, "a", 10)];
        foreach (var delivery in read)
        {
            await sut.AckAsync(Group, delivery.Position);
        }

        Assert.Equal((3, 3, 2), (fresh, afterRead, afterAck));
        Assert.Equal(0, await sut.LagAsync(Group));
    }

    [Fact]
    public async Task LagAsync_OneGroupAcknowledged_LeavesTheOtherGroupsLag()
    {
        var (store, sut) = CreateSut();
        await CreateTicketsAsync(store, 2);
        foreach (var delivery in await sut.ReadAsync("notifier:Chat", "a", 10))
        {
            await sut.AckAsync("notifier:Chat", delivery.Position);
        }

        Assert.Equal(0, await sut.LagAsync("notifier:Chat"));
        Assert.Equal(2, await sut.LagAsync("notifier:Mail"));
    }

    [Fact]
    public async Task OldestPendingAsync_PendingThenUnread_GivesWhenTheOldestUnacknowledgedEventWasWritten()
    {
        var (store, sut) = CreateSut();
        var written = new List<DateTimeOffset>();
        for (var i = 0; i < 3; i++)
        {
            written.Add(Time.GetUtcNow());
            await CreateTicketsAsync(store, 1);
            Time.Advance(TimeSpan.FromMinutes(1));
        }

        var fresh = await sut.OldestPendingAsync(Group);
        var read = await sut.ReadAsync(Group, "a", 2);
        await sut.AckAsync(Group, read[0].Position);
        var secondPending = await sut.OldestPendingAsync(Group);
        await sut.AckAsync(Group, read[1].Position);
        var thirdUnread = await sut.OldestPendingAsync(Group);
        foreach (var delivery in await sut.ReadAsync(Group, "a", 10))
        {
            await sut.AckAsync(Group, delivery.Position);
        }

        Assert.Equal((written[0], written[1], written[2]), (fresh!.Value, secondPending!.Value, thirdUnread!.Value));
        Assert.Null(await sut.OldestPendingAsync(Group));
    }

    [Fact]
    public async Task OldestPendingAsync_EmptyOutbox_IsNull()
    {
        var (_, sut) = CreateSut();

        Assert.Null(await sut.OldestPendingAsync(Group));
    }

    protected static string Json(OutboxEvent evt) => JsonSerializer.Serialize(evt, SyncHubJson.Options);

    protected async Task CreateTicketsAsync(ITicketStore store, int count)
    {
        ArgumentNullException.ThrowIfNull(store);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(CreateOutcome.Created, (await store.CreateAsync(Samples.Creation())).Outcome);
        }
    }
}
