using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using SyncHub.Redis.Outbox;
using SyncHub.Storage;
using SyncHub.Testing.Redis;
using SyncHub.Testing.Storage;

namespace SyncHub.Redis.Tests.Outbox;

/// <summary>What only the Redis queue has: consumers on other connections, the stream's layout, lost groups, deleted entries, Redis down.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisOutboxQueueRecoveryTests(RedisServerFixture redis)
{
    private const string Group = "notifier:Test";
    private static readonly TimeSpan MinIdle = TimeSpan.FromMilliseconds(50);

    private readonly string prefix = redis.NewPrefix();
    private readonly SampleRecords samples = new(new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 13, 0, 0, TimeSpan.Zero)));

    private RedisTicketStore Store => TestStores.Tickets(redis, prefix);

    private IDatabase Database => redis.Connection.GetDatabase();

    private string Stream => prefix + "outbox";

    [Fact]
    public async Task ClaimStaleAsync_ConsumerDiedBetweenPostAndAck_AnotherInstanceOnANewConnectionRedelivers()
    {
        var store = TestStores.Tickets(redis, prefix);
        await store.CreateAsync(samples.Creation());
        (string Position, string EventId) handed;
        await using (var dying = await ConnectionMultiplexer.ConnectAsync(redis.ClientOptions()))
        {
            var first = RedisOutboxQueueTests.CreateQueue(redis, prefix, dying);
            var delivery = Assert.Single(await first.ReadAsync(Group, "instance-a", 10));
            handed = (delivery.Position, delivery.Event.Id);

            // The notifier posted, then the process died before AckAsync: the connection goes with it.
        }

        await using var survivor = await ConnectionMultiplexer.ConnectAsync(redis.ClientOptions());
        var second = RedisOutboxQueueTests.CreateQueue(redis, prefix, survivor);
        await Task.Delay(MinIdle + TimeSpan.FromMilliseconds(20));
        var claimed = Assert.Single(await second.ClaimStaleAsync(Group, "instance-b", MinIdle, 10));
        await second.AckAsync(Group, claimed.Position);

        Assert.Equal((handed.Position, handed.EventId, 2), (claimed.Position, claimed.Event.Id, claimed.DeliveryCount));
        Assert.Equal(0, await second.LagAsync(Group));
        Assert.Empty(await second.ClaimStaleAsync(Group, "instance-b", TimeSpan.Zero, 10));
    }

    [Fact]
    public async Task ReadAsync_FirstUse_CreatesTheGroupOnTheOutboxStreamAtItsStart()
    {
        var sut = RedisOutboxQueueTests.CreateQueue(redis, prefix);

        await sut.ReadAsync(Group, "a", 10);

        var group = Assert.Single(await Database.StreamGroupInfoAsync(Stream));
        Assert.Equal((Group, "0-0"), (group.Name, (string?)group.LastDeliveredId));
        Assert.Equal([Stream], await KeysAsync());
    }

    [Fact]
    public async Task ReadAsync_GroupCreatedByAnotherInstance_JoinsIt()
    {
        var store = TestStores.Tickets(redis, prefix);
        await store.CreateAsync(samples.Creation());
        await store.CreateAsync(samples.Creation());
        var other = RedisOutboxQueueTests.CreateQueue(redis, prefix);
        await other.ReadAsync(Group, "a", 1);

        var rest = await RedisOutboxQueueTests.CreateQueue(redis, prefix).ReadAsync(Group, "b", 10);

        Assert.Single(rest);
    }

    [Fact]
    public async Task ReadAsync_StreamRemovedUnderTheQueue_CreatesTheGroupAgainAndReadsNewEvents()
    {
        var sut = await ReadOneThenRemoveTheStreamAsync();
        await Store.CreateAsync(samples.Creation());

        var read = Assert.Single(await sut.ReadAsync(Group, "a", 10));
        await sut.AckAsync(Group, read.Position);

        Assert.Equal(0, await sut.LagAsync(Group));
    }

    [Fact]
    public async Task ClaimStaleAsync_StreamRemovedUnderTheQueue_CreatesTheGroupAgain()
    {
        var sut = await ReadOneThenRemoveTheStreamAsync();
        await Store.CreateAsync(samples.Creation());

        var claimed = await sut.ClaimStaleAsync(Group, "b", TimeSpan.Zero, 10);

        Assert.Empty(claimed);
        Assert.Equal(1, await sut.LagAsync(Group));
    }

    [Fact]
    public async Task LagAsync_StreamRemovedUnderTheQueue_CountsFromTheNewStream()
    {
        var sut = await ReadOneThenRemoveTheStreamAsync();

        Assert.Equal(0, await sut.LagAsync(Group));
    }

    [Fact]
    public async Task LagAsync_EntryDeletedFromTheStream_CountsTheEntriesStillThere()
    {
        var store = TestStores.Tickets(redis, prefix);
        var sut = RedisOutboxQueueTests.CreateQueue(redis, prefix);
        for (var i = 0; i < 4; i++)
        {
            await store.CreateAsync(samples.Creation());
        }

        var read = await sut.ReadAsync(Group, "a", 1);
        var all = await store.ReadOutboxAsync(null, 10);
        await Database.StreamDeleteAsync(Stream, [all[2].Position]);
        Assert.Null(Assert.Single(await Database.StreamGroupInfoAsync(Stream)).Lag);

        var lag = await sut.LagAsync(Group);

        Assert.Equal(3, lag);
        await sut.AckAsync(Group, read[0].Position);
        Assert.Equal(2, await sut.LagAsync(Group));
    }

    [Fact]
    public async Task ClaimStaleAsync_EntryDeletedWhilePending_DropsItAndClaimsTheRest()
    {
        var store = TestStores.Tickets(redis, prefix);
        var sut = RedisOutboxQueueTests.CreateQueue(redis, prefix);
        await store.CreateAsync(samples.Creation());
        await store.CreateAsync(samples.Creation());
        var read = await sut.ReadAsync(Group, "a", 10);
        await Database.StreamDeleteAsync(Stream, [read[0].Position]);
        await Task.Delay(MinIdle + TimeSpan.FromMilliseconds(20));

        var claimed = Assert.Single(await sut.ClaimStaleAsync(Group, "b", MinIdle, 10));
        await sut.AckAsync(Group, claimed.Position);

        Assert.Equal(read[1].Position, claimed.Position);
        Assert.Equal(0, await sut.LagAsync(Group));
    }

    [Fact]
    public async Task AckAsync_PositionNotFromTheOutbox_ThrowsArgumentException()
    {
        var sut = RedisOutboxQueueTests.CreateQueue(redis, prefix);

        await Assert.ThrowsAsync<ArgumentException>(() => sut.AckAsync(Group, "not-a-position"));
        await Assert.ThrowsAsync<ArgumentException>(() => sut.AckAsync(Group, "1-0\n"));
    }

    [Fact]
    public async Task Calls_RedisUnreachable_ThrowStoreUnavailable()
    {
        await using var connection = await UnreachableRedis.ConnectAsync();
        var sut = RedisOutboxQueueTests.CreateQueue(redis, prefix, connection);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.ReadAsync(Group, "a", 10));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.ClaimStaleAsync(Group, "a", MinIdle, 10));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.AckAsync(Group, "1-0"));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.LagAsync(Group));
    }

    /// <summary>A queue that created its group and read one event, after which the stream went away (DEL, FLUSHALL, data lost).</summary>
    private async Task<RedisOutboxQueue> ReadOneThenRemoveTheStreamAsync()
    {
        var sut = RedisOutboxQueueTests.CreateQueue(redis, prefix);
        await Store.CreateAsync(samples.Creation());
        Assert.Single(await sut.ReadAsync(Group, "a", 10));
        await Database.KeyDeleteAsync(Stream);
        return sut;
    }

    private async Task<List<string>> KeysAsync()
    {
        var server = redis.Connection.GetServers()[0];
        var keys = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
        {
            keys.Add(key!);
        }

        return keys;
    }
}
