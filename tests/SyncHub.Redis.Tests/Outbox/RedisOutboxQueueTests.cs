using Microsoft.Extensions.Logging.Abstractions;
using SyncHub.Outbox;
using SyncHub.Redis.Outbox;
using SyncHub.Storage;
using SyncHub.Testing.Outbox;
using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests.Outbox;

/// <summary>The shared outbox queue contract against Redis consumer groups; every test gets its own key prefix.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisOutboxQueueTests(RedisServerFixture redis) : OutboxQueueContract
{
    private string? prefix;

    protected override (ITicketStore Store, IOutboxQueue Queue) CreateSut()
    {
        prefix = redis.NewPrefix();
        return (TestStores.Tickets(redis, prefix), CreateQueue(redis, prefix));
    }

    protected override IOutboxAppender Appender(ITicketStore store) =>
        new RedisOutboxAppender(redis.Connection, TestStores.Options(redis, prefix!), NullLogger<RedisOutboxAppender>.Instance);

    // Redis measures idle time on its own clock: wait it out, with a margin for timer granularity.
    protected override Task LetTimePassAsync(TimeSpan idle) => Task.Delay(idle + TimeSpan.FromMilliseconds(20));

    internal static RedisOutboxQueue CreateQueue(RedisServerFixture redis, string prefix, StackExchange.Redis.IConnectionMultiplexer? connection = null) =>
        new(connection ?? redis.Connection, TestStores.Options(redis, prefix), NullLogger<RedisOutboxQueue>.Instance);
}
