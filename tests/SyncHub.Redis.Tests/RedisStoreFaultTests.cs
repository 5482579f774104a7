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
