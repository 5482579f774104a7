using Microsoft.Extensions.Logging;
using SyncHub.Diagnostics;

namespace SyncHub.Leases;

/// <summary>
/// Keeps one held lease alive while the work it guards runs: renews it every <see cref="LeaseOptions.RenewInterval"/>
/// and cancels <see cref="Held"/> at once when a renewal answers false, fails, or does not answer before the lease would
/// have expired. The lease counts as valid only until one TTL after the start of the last successful renewal (measured
/// on this instance's clock, before the store's own expiry), so a stalled renewal cannot stretch it.
/// </summary>
internal sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly string source;
    private readonly ILeaseStore store;
    private readonly LeaseOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource held;
    private long validUntil;
    private Task renewing = Task.CompletedTask;

    /// <param name="validUntil">One TTL after the acquisition request was sent.</param>
    public LeaseKeeper(
        string source, Lease lease, DateTimeOffset validUntil, ILeaseStore store, LeaseOptions options, TimeProvider time, ILogger logger, CancellationToken stoppingToken)
    {
        this.source = source;
        Lease = lease;
        this.store = store;
        this.options = options;
        this.time = time;
        this.logger = logger;
        this.validUntil = validUntil.UtcTicks;
        held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
    }

    public Lease Lease { get; }

    /// <summary>Cancelled when the lease is lost or the host stops.</summary>
    public CancellationToken Held => held.Token;

    /// <summary>True when renewing found the lease gone (as opposed to the host stopping).</summary>
    public bool Lost { get; private set; }

    /// <summary>The lease is held and its last renewal is less than one TTL old.</summary>
    public bool IsValid => !held.IsCancellationRequested && time.GetUtcNow().UtcTicks < Volatile.Read(ref validUntil);

    public void Start() => renewing = RenewLoopAsync();

    /// <summary>Stops the guarded work: the lease is known to be lost (a fenced write was refused).</summary>
    public async Task LoseAsync()
    {
        Lost = true;
        await held.CancelAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await held.CancelAsync();
        await renewing;
        held.Dispose();
    }

    private async Task RenewLoopAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.RenewInterval, time, held.Token);
                var started = time.GetUtcNow();
                var remaining = new DateTimeOffset(Volatile.Read(ref validUntil), TimeSpan.Zero) - started;
                if (!await RenewOnceAsync(remaining))
                {
                    Log.LeaseLost(logger, source, Lease.Token);
                    await LoseAsync();
                    return;
                }

                Volatile.Write(ref validUntil, (started + options.Ttl).UtcTicks);
            }
        }
        catch (OperationCanceledException) when (held.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> RenewOnceAsync(TimeSpan remaining)
    {
        if (remaining <= TimeSpan.Zero)
        {
            return false;
        }

        try
        {
            return await store.RenewAsync(Lease, options.Ttl, held.Token).WaitAsync(remaining, time, held.Token);
        }
        catch (Exception ex) when (!held.IsCancellationRequested)
        {
            Log.LeaseRenewalFailed(logger, ex, source, Lease.Token);
            return false;
        }
    }
}
