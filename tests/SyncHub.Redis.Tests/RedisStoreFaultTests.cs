using SyncHub.Domain;
using SyncHub.Storage;
using SyncHub.Testing.Redis;
using SyncHub.Testing.Storage;
using StackExchange.Redis;
using Microsoft.Extensions.Time.Testing;

namespace SyncHub.Redis.Tests;

/// <summary>The store while its redis-server is down and after it comes back (same port, same multiplexer).</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisStoreFaultTests(RedisServerFixture redis)
{
    private static readonly TimeSpan RecoveryWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CreateAsync_ServerDown_ThrowsStoreUnavailableThenWorksAfterRestart()
    {
        var options = redis.ClientOptions();
        options.ConnectTimeout = 500;
        options.SyncTimeout = 500;
        options.AsyncTimeout = 500;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        var prefix = redis.NewPrefix();
        var store = TestStores.Tickets(redis, prefix, connection);
        var checkpoints = new RedisCheckpointStore(connection, TestStores.Options(redis, prefix), Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisCheckpointStore>.Instance);
        var samples = new SampleRecords(new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 13, 0, 0, TimeSpan.Zero)));
        Assert.Equal(CreateOutcome.Created, (await store.CreateAsync(samples.Creation())).Outcome);

        await redis.StopAsync();
        try
        {
            await Assert.ThrowsAsync<StoreUnavailableException>(() => store.CreateAsync(samples.Creation()));
            await Assert.ThrowsAsync<StoreUnavailableException>(() => checkpoints.GetAsync("Email"));
            Assert.False(await store.PingAsync());
        }
        finally
        {
            await redis.StartAsync();
        }

        var recovered = await CreateWhenBackAsync(store, samples.Creation(channel: Channel.Phone));
        Assert.Equal(CreateOutcome.Created, recovered.Outcome);
        Assert.True(await store.PingAsync());
    }

    [Fact]
    public async Task Calls_ScriptsFlushedFromTheServer_SendThemAgainAndWork()
    {
        var prefix = redis.NewPrefix();
        var store = TestStores.Tickets(redis, prefix);
        var samples = new SampleRecords(new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 13, 0, 0, TimeSpan.Zero)));
        var first = await store.CreateAsync(samples.Creation());

        // As after a restart or a failover to a replica that never ran them: every EVALSHA is answered NOSCRIPT once.
        await redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]).ScriptFlushAsync();
        var second = await store.CreateAsync(samples.Creation(channel: Channel.Phone));
        var updated = await store.UpdateAsync(first.TicketId, t => new TicketChange(t with { Subject = "Renamed" }, [], []));
        var page = await store.ListAsync(new TicketQuery { Limit = 10 });

        Assert.Equal(CreateOutcome.Created, second.Outcome);
        Assert.Equal(first.Number + 1, second.Number);
        Assert.Equal("Renamed", updated!.Subject);
        Assert.Equal([second.Number, first.Number], page.Items.Select(t => t.Number));
    }

    private static async Task<CreateResult> CreateWhenBackAsync(ITicketStore store, TicketCreation creation)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await store.CreateAsync(creation);
            }
            catch (StoreUnavailableException) when (waited.Elapsed < RecoveryWait)
            {
                await Task.Delay(100);
            }
        }
    }
}
