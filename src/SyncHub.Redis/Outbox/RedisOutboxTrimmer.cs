using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SyncHub.Outbox;
using SyncHub.Redis.Scripts;
using SyncHub.Storage;

namespace SyncHub.Redis.Outbox;

/// <summary>
/// Every <see cref="OutboxOptions.TrimInterval"/>, removes from the outbox stream the entries every consumer group has
/// acknowledged (outbox-trim.lua, one atomic step): a delivered event no longer takes memory. Entries a group has pending,
/// or has not read yet, stay. A notifier whose group is created later starts from what is left. Several instances may
/// trim at once: each trim removes only what every group acknowledged.
/// </summary>
public sealed class RedisOutboxTrimmer(
    IConnectionMultiplexer redis,
    IOptions<RedisStoreOptions> store,
    IOptions<OutboxOptions> outbox,
    TimeProvider time,
    ILogger<RedisOutboxTrimmer> logger) : BackgroundService
{
    private readonly IDatabase database = redis.GetDatabase();
    private readonly string key = store.Value.KeyPrefix + "outbox";

    /// <summary>Removes the acknowledged entries now; returns how many.</summary>
    public async Task<long> TrimAsync()
    {
        var removed = (long)await RedisScripts.OutboxTrim.RunAsync(database, OutboxTrimScriptArgs.Build(key), logger, "outbox trim");
        if (removed > 0)
        {
            Log.OutboxTrimmed(logger, removed, key);
        }

        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = outbox.Value.TrimInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await TrimAsync();
                }
                catch (StoreUnavailableException ex)
                {
                    Log.OutboxTrimFailed(logger, ex, interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
