using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests;

/// <summary>Redis stores on the fixture's server, each under the key prefix given.</summary>
internal static class TestStores
{
    public static IOptions<RedisStoreOptions> Options(RedisServerFixture redis, string prefix, int listScanLimit = 10_000) =>
        Microsoft.Extensions.Options.Options.Create(new RedisStoreOptions
        {
            ConnectionString = redis.ConnectionString,
            KeyPrefix = prefix,
            ListScanLimit = listScanLimit,
        });

    public static RedisTicketStore Tickets(RedisServerFixture redis, string prefix, IConnectionMultiplexer? connection = null, int listScanLimit = 10_000) =>
        new(connection ?? redis.Connection, Options(redis, prefix, listScanLimit), NullLogger<RedisTicketStore>.Instance);

    public static RedisCheckpointStore Checkpoints(RedisServerFixture redis, string prefix) =>
        new(redis.Connection, Options(redis, prefix), NullLogger<RedisCheckpointStore>.Instance);

    public static RedisDeadLetterStore DeadLetters(RedisServerFixture redis, string prefix) =>
        new(redis.Connection, Options(redis, prefix), NullLogger<RedisDeadLetterStore>.Instance);
}
