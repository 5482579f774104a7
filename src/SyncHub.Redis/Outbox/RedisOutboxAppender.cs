using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SyncHub.Domain;
using SyncHub.Outbox;

namespace SyncHub.Redis.Outbox;

/// <summary>
/// Appends an event that belongs to no ticket to the store's outbox stream, once per key: one MULTI/EXEC sets
/// <c>{prefix}appended:{key}</c> (kept for the given time) and adds the stream entry, under the condition that the key
/// does not exist yet, so two instances raising the same alert append it once.
/// </summary>
public sealed class RedisOutboxAppender(IConnectionMultiplexer redis, IOptions<RedisStoreOptions> options, ILogger<RedisOutboxAppender> logger) : IOutboxAppender
{
    private readonly IDatabase database = redis.GetDatabase();
    private readonly string prefix = options.Value.KeyPrefix;

    public async Task<bool> AppendOnceAsync(string key, OutboxEvent evt, TimeSpan keep, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(evt);
        cancellationToken.ThrowIfCancellationRequested();
        RedisKey marker = prefix + "appended:" + key;
        var transaction = database.CreateTransaction();
        transaction.AddCondition(Condition.KeyNotExists(marker));
        _ = transaction.StringSetAsync(marker, evt.Id, keep);
        _ = transaction.StreamAddAsync(prefix + "outbox", [new NameValueEntry("type", evt.Type), new NameValueEntry("event", StoreJson.WriteEvent(evt))]);
        return await RedisFailures.GuardAsync(() => transaction.ExecuteAsync(), logger, "outbox append");
    }
}
