using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using SyncHub.InMemory;
using SyncHub.Redis.Reviews;
using SyncHub.Reviews;
using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests.Reviews;

[Collection(RedisCollection.Name)]
public sealed class RedisReviewSignalStoreTests(RedisServerFixture redis)
{
    private const string Signature = "gp:chat.rocket.android|4.2.0|crash";
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private RedisReviewSignalStore CreateSut(string? prefix = null, IConnectionMultiplexer? connection = null) =>
        new(connection ?? redis.Connection, TestStores.Options(redis, prefix ?? redis.NewPrefix()), NullLogger<RedisReviewSignalStore>.Instance);

    [Fact]
    public async Task RecordAsync_ThresholdReached_CrossesOnceForTheReviewThatReachedIt()
    {
        var sut = CreateSut();

        var counts = new List<SignalCount>();
        for (var ticket = 1; ticket <= 6; ticket++)
        {
            counts.Add(await sut.RecordAsync(Signature, 10_000 + ticket, "4.2.0", Start.AddMinutes(ticket), Window, 3));
        }

        Assert.Equal([1, 2, 3, 4, 5, 6], counts.Select(c => c.Count));
        Assert.Equal([false, false, true, false, false, false], counts.Select(c => c.Crossed));
        Assert.Equal([10_001L, 10_002, 10_003], counts[2].Entries.Select(e => e.TicketNumber));
        Assert.Equal(Start.AddMinutes(1), counts[2].Entries[0].At);
        Assert.All(counts[2].Entries, e => Assert.Equal("4.2.0", e.Version));
        Assert.All(counts.Where(c => !c.Crossed), c => Assert.Empty(c.Entries));
    }

    [Fact]
    public async Task RecordAsync_SameTicketAgain_CountsOnceAndTheCrossingReviewStillCrosses()
    {
        var sut = CreateSut();
        for (var ticket = 1; ticket <= 3; ticket++)
        {
            await sut.RecordAsync(Signature, ticket, null, Start.AddMinutes(ticket), Window, 3);
        }

        var crosserAgain = await sut.RecordAsync(Signature, 3, null, Start.AddMinutes(10), Window, 3);
        var otherAgain = await sut.RecordAsync(Signature, 2, null, Start.AddMinutes(11), Window, 3);

        Assert.Equal((3, true), (crosserAgain.Count, crosserAgain.Crossed));
        Assert.Equal((3, false), (otherAgain.Count, otherAgain.Crossed));
        Assert.Equal([1L, 2, 3], crosserAgain.Entries.Select(e => e.TicketNumber));
        Assert.Null(crosserAgain.Entries[0].Version);
        Assert.Empty(otherAgain.Entries);
    }

    [Fact]
    public async Task RecordAsync_ReviewsSpreadWiderThanTheWindow_AreDroppedAndNeverCross()
    {
        var sut = CreateSut();

        var counts = new List<SignalCount>();
        for (var ticket = 1; ticket <= 5; ticket++)
        {
            counts.Add(await sut.RecordAsync(Signature, ticket, "4.2.0", Start.AddHours(13 * ticket), Window, 3));
        }

        Assert.All(counts, c => Assert.False(c.Crossed));
        Assert.Equal([1, 2, 2, 2, 2], counts.Select(c => c.Count));
    }

    [Fact]
    public async Task RecordAsync_ManyInstancesAtOnce_ExactlyOneCrosses()
    {
        var prefix = redis.NewPrefix();
        await using var other = await ConnectionMultiplexer.ConnectAsync(redis.ClientOptions());
        var instances = new[] { CreateSut(prefix), CreateSut(prefix, other) };

        var counts = await Task.WhenAll(Enumerable.Range(1, 40).Select(ticket =>
            instances[ticket % 2].RecordAsync(Signature, ticket, "4.2.0", Start.AddSeconds(ticket), Window, 5)));

        Assert.Single(counts, c => c.Crossed);
        Assert.Equal(40, counts.Max(c => c.Count));
        Assert.Equal(5, counts.Single(c => c.Crossed).Count);
    }

    [Fact]
    public async Task RecordAsync_OtherSignatureOrPrefix_CountsApart()
    {
        var prefix = redis.NewPrefix();
        var sut = CreateSut(prefix);
        await sut.RecordAsync(Signature, 1, "4.2.0", Start, Window, 2);

        var otherSignature = await sut.RecordAsync("gp:chat.rocket.android|4.2.0|login", 2, "4.2.0", Start, Window, 2);
        var otherPrefix = await CreateSut().RecordAsync(Signature, 3, "4.2.0", Start, Window, 2);

        Assert.Equal(1, otherSignature.Count);
        Assert.Equal(1, otherPrefix.Count);
        var keys = redis.Connection.GetServers()[0].Keys(pattern: prefix + "*").Select(k => k.ToString()).Order().ToList();
        Assert.Equal(
            [$"{prefix}reviews:{{{Signature}}}:seen", $"{prefix}reviews:{{gp:chat.rocket.android|4.2.0|login}}:seen"],
            keys);
        Assert.All(keys, k => Assert.True(redis.Connection.GetDatabase().KeyTimeToLive(k) > TimeSpan.Zero));
    }

    [Fact]
    public void AddRedisReviewSignals_AfterTheInMemoryDefault_ReplacesIt()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IReviewSignalStore, InMemoryReviewSignalStore>();
        services.AddSingleton(redis.Connection);
        services.AddSingleton(TestStores.Options(redis, redis.NewPrefix()));
        services.AddLogging();

        services.AddRedisReviewSignals();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<RedisReviewSignalStore>(Assert.Single(provider.GetServices<IReviewSignalStore>()));
    }
}
