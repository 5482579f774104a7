using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace SyncHub.Redis;

/// <summary>
/// Holds the acknowledgement of a write until <see cref="RedisStoreOptions.MinReplicasAcked"/> replicas have it (Redis
/// <c>WAIT</c>), so a replica promoted after the primary is lost has every acknowledged ticket. <c>WAIT</c> covers every
/// write sent before it on the same connection, and the store's writes share one: callers that arrive while a <c>WAIT</c> is
/// in flight are covered together by the next one (one <c>WAIT</c> per replication round trip, not one per ticket).
/// Fewer replicas than required within <see cref="RedisStoreOptions.ReplicaAckTimeout"/>: the write is reported as not
/// stored (<see cref="Storage.StoreUnavailableException"/>); it may be on the primary, and its retry is idempotent.
/// </summary>
public sealed class ReplicaAcknowledgement
{
    private readonly IDatabase database;
    private readonly ILogger logger;
    private readonly int wanted;
    private readonly TimeSpan timeout;
    private readonly Lock gate = new();
    private bool waiting;
    private TaskCompletionSource<long>? next;

    public ReplicaAcknowledgement(IConnectionMultiplexer redis, IOptions<RedisStoreOptions> options, ILogger<ReplicaAcknowledgement> logger)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        database = redis.GetDatabase();
        this.logger = logger;
        wanted = options.Value.MinReplicasAcked;
        timeout = options.Value.ReplicaAckTimeout;
    }

    /// <summary>True when writes wait for replicas.</summary>
    public bool Enabled => wanted > 0;

    /// <summary>Returns once the writes this caller made before the call are on enough replicas; throws when they are not.</summary>
    public Task WaitAsync(string operation) => Enabled ? WaitForReplicasAsync(operation) : Task.CompletedTask;

    // Apart from WaitAsync: its closure (`mine`) is made on entry, which a hub without replicas should not pay per write.
    private async Task WaitForReplicasAsync(string operation)
    {
        Task<long> mine;
        var start = false;
        lock (gate)
        {
            next ??= new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            mine = next.Task;
            if (!waiting)
            {
                waiting = true;
                start = true;
            }
        }

        if (start)
        {
            _ = RunAsync();
        }

        var acked = await RedisFailures.GuardAsync(() => mine, logger, operation);
        if (acked < wanted)
        {
            Log.ReplicasBehind(logger, acked, wanted, timeout);
            throw new Storage.StoreUnavailableException(
                string.Create(CultureInfo.InvariantCulture, $"The write reached {acked} of {wanted} Redis replicas within {timeout}."));
        }
    }

    /// <summary>Sends WAIT for everyone gathered so far, then again while more gathered meanwhile.</summary>
    private async Task RunAsync()
    {
        while (true)
        {
            TaskCompletionSource<long> batch;
            lock (gate)
            {
                if (next is null)
                {
                    waiting = false;
                    return;
                }

                batch = next;
                next = null;
            }

            try
            {
                // To the primary, on the connection the writes went over (WAIT counts that client's writes).
                var reply = await database.ExecuteAsync("WAIT", [wanted, (long)timeout.TotalMilliseconds], CommandFlags.DemandMaster);
                batch.SetResult((long)reply);
            }
            catch (Exception ex)
            {
                batch.SetException(ex);
            }
        }
    }
}
