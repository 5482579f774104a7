using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Accounts;
using SyncHub.Redis.Accounts;
using SyncHub.Testing.Accounts;
using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests.Accounts;

/// <summary>
/// The shared account directory contract against Redis, look-ups answered from the mirror (the default); every test
/// gets its own key prefix.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisAccountDirectoryTests(RedisServerFixture redis) : AccountDirectoryContract
{
    protected override Task<IAccountDirectoryStore> CreateStoreAsync(AccountDirectoryOptions options, TimeProvider time)
    {
        options.Mirror = true;
        return Task.FromResult<IAccountDirectoryStore>(Create(redis, redis.NewPrefix(), options, time));
    }

    /// <summary>
    /// A directory on <paramref name="redis"/> under <paramref name="prefix"/>; without <paramref name="time"/> its clock
    /// stands still, so its mirror's refresh timer never fires (a system timer would stay scheduled after the test).
    /// </summary>
    internal static RedisAccountDirectory Create(
        RedisServerFixture redis, string prefix, AccountDirectoryOptions? options = null, TimeProvider? time = null, StackExchange.Redis.IConnectionMultiplexer? connection = null) =>
        new(
            connection ?? redis.Connection,
            TestStores.Options(redis, prefix),
            new AccountDirectoryRules(Microsoft.Extensions.Options.Options.Create(options ?? new AccountDirectoryOptions())),
            time ?? new FakeTimeProvider(),
            NullLogger<RedisAccountDirectory>.Instance);
}

/// <summary>The shared account directory contract against Redis with the mirror off: every look-up runs accounts-find.lua.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisAccountDirectoryWithoutMirrorTests(RedisServerFixture redis) : AccountDirectoryContract
{
    protected override Task<IAccountDirectoryStore> CreateStoreAsync(AccountDirectoryOptions options, TimeProvider time)
    {
        options.Mirror = false;
        return Task.FromResult<IAccountDirectoryStore>(RedisAccountDirectoryTests.Create(redis, redis.NewPrefix(), options, time));
    }
}
