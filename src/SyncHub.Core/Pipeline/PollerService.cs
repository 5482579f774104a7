using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using SyncHub.Diagnostics;
using SyncHub.Storage;

namespace SyncHub.Pipeline;

/// <summary>
/// Runs every registered polling source on its interval: fetch a page after the committed cursor, store
/// every record through the pipeline, and only then commit the page's cursor. A failed poll (the tool or
/// the store) is retried with exponential backoff; the cursor stays where it was, so nothing is skipped.
/// </summary>
public sealed class PollerService(
    IServiceProvider services,
    IEnumerable<PollingSourceDescriptor> descriptors,
    IOptions<PipelineOptions> options,
    ICheckpointStore checkpoints,
    PollerState state,
    SyncHubMetrics metrics,
    TimeProvider time,
    ILogger<PollerService> logger) : BackgroundService
{
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
                var hasMore = await retry.ExecuteAsync(ct => PollOnceAsync(source, ct), stoppingToken);
                if (!hasMore)
                {
                    await Task.Delay(descriptor.Options(services).PollInterval, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        Log.PollerStopped(logger, source.Name);
    }

    /// <summary>One poll: returns true when the source says more pages are waiting.</summary>
    private async ValueTask<bool> PollOnceAsync(IPollTarget source, CancellationToken cancellationToken)
    {
        var cursor = await checkpoints.GetAsync(source.Name, cancellationToken);
        var page = await source.PollAsync(cursor, cancellationToken);
        if (page.NextCursor is not null && page.NextCursor != cursor)
        {
            await checkpoints.SetAsync(source.Name, page.NextCursor, cancellationToken);
        }

        if (page.Count > 0)
        {
            Log.PageStored(logger, source.Name, page.Count);
        }

        state.Succeeded(source.Name, time.GetUtcNow());
        metrics.PollSucceeded(source.Name);
        return page.HasMore;
    }

    private ResiliencePipeline<bool> BuildRetry(string name) =>
        new ResiliencePipelineBuilder<bool> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<bool>
            {
                ShouldHandle = new PredicateBuilder<bool>().Handle<Exception>(ex => ex is not OperationCanceledException),
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
