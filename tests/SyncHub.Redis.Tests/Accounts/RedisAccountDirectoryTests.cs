using Microsoft.Extensions.Logging.Abstractions;
using SyncHub.Accounts;
using SyncHub.Redis.Accounts;
using SyncHub.Testing.Accounts;
using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests.Accounts;

/// <summary>The shared account directory contract against Redis; every test gets its own key prefix.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisAccountDirectoryTests(RedisServerFixture redis) : AccountDirectoryContract
{
    protected override Task<IAccountDirectoryStore> CreateStoreAsync(AccountDirectoryOptions options, TimeProvider time) =>
        Task.FromResult<IAccountDirectoryStore>(Create(redis, redis.NewPrefix(), options, time));

    internal static RedisAccountDirectory Create(
        RedisServerFixture redis, string prefix, AccountDirectoryOptions? options = null, TimeProvider? time = null, StackExchange.Redis.IConnectionMultiplexer? connection = null) =>
        new(
            connection ?? redis.Connection,
            TestStores.Options(redis, prefix),
            new AccountDirectoryRules(Microsoft.Extensions.Options.Options.Create(options ?? new AccountDirectoryOptions())),
            time ?? TimeProvider.System,
            NullLogger<RedisAccountDirectory>.Instance);
}
