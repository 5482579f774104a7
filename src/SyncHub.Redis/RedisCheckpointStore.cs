using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SyncHub.Redis.Scripts;
using SyncHub.Storage;

namespace SyncHub.Redis;

/// <summary>
/// The pollers' cursors: one hash, <c>{prefix}checkpoints</c>, source name to cursor, and beside it
/// <c>{prefix}checkpoint-tokens</c>, source name to the highest fencing token a cursor was committed with. A fenced
/// commit is one Lua script that compares the tokens and writes both fields.
/// </summary>
public sealed class RedisCheckpointStore(
    IConnectionMultiplexer redis,
    IOptions<RedisStoreOptions> options,
    ILogger<RedisCheckpointStore> logger,
    ReplicaAcknowledgement? replicas = null) : ICheckpointStore
{
    private readonly IDatabase database = redis.GetDatabase();
    private readonly string prefix = options.Value.KeyPrefix;
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
        await ReplicatedAsync();
    }

    public async Task<bool> SetAsync(string source, string cursor, long fencingToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(cursor);
        cancellationToken.ThrowIfCancellationRequested();
        var result = await RedisScripts.CheckpointCommit.RunAsync(database, CheckpointCommitScriptArgs.Build(prefix, source, cursor, fencingToken), logger, "checkpoint write");
        if ((long)result == 1)
        {
            await ReplicatedAsync();
            return true;
        }

        Log.CommitRefused(logger, source, fencingToken);
        return false;
    }

    public async Task ResetAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        cancellationToken.ThrowIfCancellationRequested();
        await RedisFailures.GuardAsync(() => database.HashDeleteAsync(key, source), logger, "checkpoint reset");
    }

    private Task ReplicatedAsync() => replicas is null ? Task.CompletedTask : replicas.WaitAsync("checkpoint write");
}
