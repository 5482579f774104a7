using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SyncHub.Storage;

namespace SyncHub.Redis;

/// <summary>The pollers' cursors: one hash, <c>{prefix}checkpoints</c>, source name to cursor.</summary>
public sealed class RedisCheckpointStore(IConnectionMultiplexer redis, IOptions<RedisStoreOptions> options, ILogger<RedisCheckpointStore> logger) : ICheckpointStore
{
    private readonly IDatabase database = redis.GetDatabase();
    private readonly RedisKey key = options.Value.KeyPrefix + "checkpoints";

    public async Task<string?> GetAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        cancellationToken.ThrowIfCancellationRequested();
        return await RedisFailures.GuardAsync(() => database.HashGetAsync(key, source), logger, "checkpoint read");
    }

    public async Task SetAsync(string source, string cursor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(cursor);
        cancellationToken.ThrowIfCancellationRequested();
        await RedisFailures.GuardAsync(() => database.HashSetAsync(key, source, cursor), logger, "checkpoint write");
    }

    public async Task ResetAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        cancellationToken.ThrowIfCancellationRequested();
        await RedisFailures.GuardAsync(() => database.HashDeleteAsync(key, source), logger, "checkpoint reset");
    }
}
