using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using SyncHub.Adapters;
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
    IIntakePipeline pipeline,
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
        var source = (IPollingSource)services.GetRequiredService(descriptor.SourceType);
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
    private async ValueTask<bool> PollOnceAsync(IPollingSource source, CancellationToken cancellationToken)
    {
        var cursor = await checkpoints.GetAsync(source.Name, cancellationToken);
        var page = await source.FetchAsync(cursor, cancellationToken);
        if (page.Records.Count > 0)
        {
            // Every record of the page must be stored (or dead-lettered) before the cursor moves.
            await Task.WhenAll(page.Records.Select(r => pipeline.SubmitAsync(r, cancellationToken)));
            Log.PageStored(logger, source.Name, page.Records.Count);
        }

        if (page.NextCursor is not null && page.NextCursor != cursor)
        {
            await checkpoints.SetAsync(source.Name, page.NextCursor, cancellationToken);
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
