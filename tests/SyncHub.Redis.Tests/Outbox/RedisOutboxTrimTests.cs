using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SyncHub.Outbox;
using SyncHub.Redis.Outbox;
using SyncHub.Testing.Redis;
using SyncHub.Testing.Storage;

namespace SyncHub.Redis.Tests.Outbox;

/// <summary>Delivered outbox entries leave the stream once every notifier's group acknowledged them; nothing else does.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisOutboxTrimTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Trim_RemovesOnlyWhatEveryGroupAcknowledged()
    {
        var prefix = redis.NewPrefix();
        var store = TestStores.Tickets(redis, prefix);
        var queue = RedisOutboxQueueTests.CreateQueue(redis, prefix);
        var trimmer = Trimmer(prefix);
        var samples = new SampleRecords(TimeProvider.System);
        for (var i = 0; i < 6; i++)
        {
            await store.CreateAsync(samples.Creation());
        }

        // No notifier has read yet: nothing is delivered, nothing goes.
        Assert.Equal(0, await trimmer.TrimAsync());

        // Chat delivered and acknowledged all six; mail read four and acknowledged the first two.
        var chat = await queue.ReadAsync("chat", "c1", 10);
        foreach (var delivery in chat)
        {
            await queue.AckAsync("chat", delivery.Position);
        }

        var mail = await queue.ReadAsync("mail", "m1", 4);
        await queue.AckAsync("mail", mail[0].Position);
        await queue.AckAsync("mail", mail[1].Position);

        Assert.Equal(2, await trimmer.TrimAsync());
        Assert.Equal(4, await StreamLengthAsync(prefix));

        // The mail group's pending entries are still there to be retried or claimed, and its unread ones to be read.
        var claimed = await queue.ClaimStaleAsync("mail", "m2", TimeSpan.Zero, 10);
        Assert.Equal([mail[2].Position, mail[3].Position], claimed.Select(d => d.Position));
        var rest = await queue.ReadAsync("mail", "m1", 10);
        Assert.Equal(2, rest.Count);

        foreach (var delivery in claimed.Concat(rest))
        {
            await queue.AckAsync("mail", delivery.Position);
        }

        Assert.Equal(4, await trimmer.TrimAsync());
        Assert.Equal(0, await StreamLengthAsync(prefix));

        // A new ticket after the trim is delivered as usual.
        await store.CreateAsync(samples.Creation());
        Assert.Single(await queue.ReadAsync("chat", "c1", 10));
        Assert.Equal(0, await trimmer.TrimAsync());
    }

    [Fact]
    public async Task Trim_NoOutboxYet_RemovesNothing()
    {
        Assert.Equal(0, await Trimmer(redis.NewPrefix()).TrimAsync());
    }

    private RedisOutboxTrimmer Trimmer(string prefix) =>
        new(redis.Connection, TestStores.Options(redis, prefix), Options.Create(new OutboxOptions()), TimeProvider.System, NullLogger<RedisOutboxTrimmer>.Instance);

    private async Task<long> StreamLengthAsync(string prefix) =>
        await redis.Connection.GetDatabase().StreamLengthAsync(prefix + "outbox");
}
