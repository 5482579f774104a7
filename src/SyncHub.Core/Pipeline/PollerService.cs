using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using SyncHub.Diagnostics;
using SyncHub.Leases;
using SyncHub.Storage;

namespace SyncHub.Pipeline;

/// <summary>
/// Runs every registered polling source on its interval: fetch a page after the committed cursor, store
/// every record through the pipeline, and only then commit the page's cursor. A failed poll (the tool or
/// the store) is retried with exponential backoff; the cursor stays where it was, so nothing is skipped.
/// </summary>
/// <remarks>
/// Several hub instances may share one store; each source is polled by one instance at a time. A source's loop
/// first takes the source's lease (<c>poller:{Source}</c> in <see cref="ILeaseStore"/>), trying again every
/// <see cref="LeaseOptions.RenewInterval"/> while another instance holds it, and polls only while it holds it: the
/// lease is renewed in the background, and polling stops at once when a renewal fails or the lease is gone. Every
/// cursor commit carries the lease's fencing token, and the checkpoint store refuses a token lower than the last one
/// committed, so an instance that was paused or cut off past its lease cannot move the cursor back. On a graceful stop
/// the lease is released, so a standby instance takes over at its next try; after a crash, once the lease expires.
/// </remarks>
public sealed class PollerService(
    IServiceProvider services,
    IEnumerable<PollingSourceDescriptor> descriptors,
    IOptions<PipelineOptions> options,
    IOptions<LeaseOptions> leaseOptions,
    ICheckpointStore checkpoints,
    ILeaseStore leases,
    LeaseOwner owner,
    PollerState state,
    SyncHubMetrics metrics,
    TimeProvider time,
    ILogger<PollerService> logger) : BackgroundService
{
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The lease that guards a polling source.</summary>
    public static string LeaseName(string source) => "poller:" + source;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = descriptors.Select(d => RunAsync(d, stoppingToken)).ToArray();
        return Task.WhenAll(loops);
    }

    private async Task RunAsync(PollingSourceDescriptor descriptor, CancellationToken stoppingToken)
    {
        var source = descriptor.Create(services);
        var retry = BuildRetry(source.Name);
        state.Started(source.Name);
        Log.PollerStarted(logger, source.Name, descriptor.Options(services).PollInterval);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var (lease, validUntil) = await AcquireAsync(source.Name, stoppingToken);
                await PollWhileHeldAsync(descriptor, source, retry, lease, validUntil, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        Log.PollerStopped(logger, source.Name);
    }

    /// <summary>Waits until this instance holds the source's lease; answers it and until when it is surely valid.</summary>
    private async Task<(Lease Lease, DateTimeOffset ValidUntil)> AcquireAsync(string source, CancellationToken stoppingToken)
    {
        var settings = leaseOptions.Value;
        var standby = false;
        while (true)
        {
            try
            {
                var sent = time.GetUtcNow();
                var lease = await leases.TryAcquireAsync(LeaseName(source), owner.Id, settings.Ttl, stoppingToken);
                if (lease is not null)
                {
                    state.Holding(source, lease.Token);
                    Log.LeaseAcquired(logger, source, lease.Token, owner.Id);
                    return (lease, sent + settings.Ttl);
                }

                state.Standby(source);
                if (!standby)
                {
                    Log.LeaseStandby(logger, source, settings.RenewInterval);
                    standby = true;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                state.Failed(source, $"lease: {ex.GetType().Name}: {ex.Message}");
                metrics.PollFailed(source);
                Log.LeaseStoreFailed(logger, ex, source, settings.RenewInterval);
            }

            await Task.Delay(settings.RenewInterval, time, stoppingToken);
        }
    }

    /// <summary>Polls until the lease is lost or the host stops; releases the lease when the host stops.</summary>
    private async Task PollWhileHeldAsync(
        PollingSourceDescriptor descriptor, IPollTarget source, ResiliencePipeline<bool> retry, Lease lease, DateTimeOffset validUntil, CancellationToken stoppingToken)
    {
        var keeper = new LeaseKeeper(source.Name, lease, validUntil, leases, leaseOptions.Value, time, logger, stoppingToken);
        try
        {
            keeper.Start();
            while (!keeper.Held.IsCancellationRequested)
            {
                var hasMore = await retry.ExecuteAsync(ct => PollOnceAsync(source, keeper, ct), keeper.Held);
                if (!hasMore)
                {
                    await Task.Delay(descriptor.Options(services).PollInterval, time, keeper.Held);
                }
            }
        }
        catch (OperationCanceledException) when (keeper.Held.IsCancellationRequested)
        {
        }
        catch (LeaseLostException)
        {
            await keeper.LoseAsync();
        }
        finally
        {
            await keeper.DisposeAsync();
            state.Standby(source.Name);
        }

        if (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAsync(source.Name, lease);
        }
        else if (keeper.Lost)
        {
            // Another instance has (or is about to have) the lease: try again at the standby pace.
            await Task.Delay(leaseOptions.Value.RenewInterval, time, stoppingToken);
        }
    }

    /// <summary>One poll: returns true when the source says more pages are waiting.</summary>
    private async ValueTask<bool> PollOnceAsync(IPollTarget source, LeaseKeeper keeper, CancellationToken cancellationToken)
    {
        var cursor = await checkpoints.GetAsync(source.Name, cancellationToken);
        var page = await source.PollAsync(cursor, cancellationToken);
        if (page.NextCursor is not null && page.NextCursor != cursor)
        {
            if (!keeper.IsValid)
            {
                // The renewal is overdue: the lease may already be another instance's. The page is stored; a later
                // holder reads it again from the committed cursor and the store's idempotency absorbs it.
                Log.LeaseLost(logger, source.Name, keeper.Lease.Token);
                throw new LeaseLostException($"The lease of poller {source.Name} expired before its cursor could be committed.");
            }

            if (!await checkpoints.SetAsync(source.Name, page.NextCursor, keeper.Lease.Token, cancellationToken))
            {
                Log.CommitRefused(logger, source.Name, keeper.Lease.Token);
                throw new LeaseLostException($"The cursor commit of poller {source.Name} was refused: a later lease holder has committed.");
            }
        }

        if (page.Count > 0)
        {
            Log.PageStored(logger, source.Name, page.Count);
        }

        state.Succeeded(source.Name, time.GetUtcNow());
        metrics.PollSucceeded(source.Name);
        return page.HasMore;
    }

    private async Task ReleaseAsync(string source, Lease lease)
    {
        try
        {
            await leases.ReleaseAsync(lease, CancellationToken.None).WaitAsync(ReleaseTimeout, time);
            Log.LeaseReleased(logger, source, lease.Token);
        }
        catch (Exception ex)
        {
            Log.LeaseReleaseFailed(logger, ex, source, lease.Token);
        }
    }

    private ResiliencePipeline<bool> BuildRetry(string name) =>
        new ResiliencePipelineBuilder<bool> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<bool>
            {
                // A cancellation of our own (stopping, lease lost) ends the poll; a tool's timeout surfacing as a
                // TaskCanceledException is a failure like any other and is retried with backoff.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex and not LeaseLostException &&
                    !(ex is OperationCanceledException && args.Context.CancellationToken.IsCancellationRequested)),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Value.PollRetryDelay,
                MaxDelay = options.Value.PollMaxRetryDelay,
                OnRetry = args =>
                {
                    var error = args.Outcome.Exception!;
                    state.Failed(name, $"{error.GetType().Name}: {error.Message}");
                    metrics.PollFailed(name);
                    Log.PollFailed(logger, error, name, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            })
            .Build();
}
