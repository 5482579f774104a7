using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using SyncHub.Adapters;
using SyncHub.Diagnostics;
using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Outbox;

/// <summary>
/// Delivers outbox events to every registered notifier. Each notifier is its own consumer group, so one
/// slow tool never holds another. Events of one ticket are delivered in order; an event is acknowledged
/// only after the notifier returned, retried with backoff (Polly) while it fails, and dead-lettered after
/// <see cref="OutboxOptions.MaxAttempts"/>, or at once when the notifier says the failure is permanent
/// (<see cref="DeliveryException"/>). Events left pending by a dead instance are claimed after
/// <see cref="OutboxOptions.ClaimIdle"/>, so a crash between delivery and acknowledgement re-sends
/// (notifiers use the event id as their idempotency key).
/// </summary>
public sealed class OutboxDispatcher(
    IEnumerable<INotifier> notifiers,
    IOutboxQueue queue,
    ITicketStore store,
    IDeadLetterStore deadLetters,
    IOptions<OutboxOptions> options,
    OutboxMetrics metrics,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>The consumer name of this instance within every group.</summary>
    public string Consumer { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}"[..^24];

    public static string GroupOf(INotifier notifier) => $"notifier:{notifier.Name}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(notifiers.Select(n => RunAsync(n, stoppingToken)));

    private async Task RunAsync(INotifier notifier, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var group = GroupOf(notifier);
        Log.NotifierStarted(logger, notifier.Name, Consumer);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await queue.ClaimStaleAsync(group, Consumer, settings.ClaimIdle, settings.BatchSize, stoppingToken);
                if (batch.Count == 0)
                {
                    batch = await queue.ReadAsync(group, Consumer, settings.BatchSize, stoppingToken);
                }

                metrics.Lag(notifier.Name, await queue.LagAsync(group, stoppingToken));
                if (batch.Count == 0)
                {
                    await Task.Delay(settings.PollInterval, time, stoppingToken);
                    continue;
                }

                // Tickets in parallel, each ticket's events in order.
                await Task.WhenAll(batch.GroupBy(d => d.Event.TicketId).Select(g => DeliverInOrderAsync(notifier, group, g, stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (StoreUnavailableException ex)
            {
                Log.OutboxUnavailable(logger, ex, notifier.Name);
                await DelayQuietlyAsync(settings.RetryDelay, stoppingToken);
            }
        }
    }

    private async Task DeliverInOrderAsync(INotifier notifier, string group, IEnumerable<OutboxDelivery> deliveries, CancellationToken stoppingToken)
    {
        foreach (var delivery in deliveries)
        {
            await DeliverAsync(notifier, group, delivery, stoppingToken);
        }
    }

    private async Task DeliverAsync(INotifier notifier, string group, OutboxDelivery delivery, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var evt = delivery.Event;
        if (!notifier.Handles(evt))
        {
            await queue.AckAsync(group, delivery.Position, stoppingToken);
            return;
        }

        // Attempts made so far: earlier instances' (the stream's delivery count) and this one's.
        var attempt = Math.Max(0, delivery.DeliveryCount - 1);
        try
        {
            await Retries(notifier, evt, delivery, group, settings).ExecuteAsync(
                async ct =>
                {
                    attempt++;
                    await notifier.SendAsync(evt, ct);
                },
                stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            metrics.Failed(notifier.Name);
            var reason = ex is DeliveryException { IsPermanent: true }
                ? $"refused for good: {ex.Message}"
                : $"{attempt} failed deliveries; last: {ex.GetType().Name}: {ex.Message}";
            Log.DeliveryDeadLettered(logger, ex, notifier.Name, evt.Type, evt.Id, attempt);
            await deadLetters.AddAsync(
                new DeadLetter($"outbox:{notifier.Name}", evt.Id, reason, JsonSerializer.Serialize(evt, SyncHubJson.Options), time.GetUtcNow()),
                stoppingToken);
            await RecordAsync(notifier, evt, delivered: false, $"Delivery of {evt.Type} via {notifier.Name} failed after {attempt} attempts: {ex.GetType().Name}", stoppingToken);
            await queue.AckAsync(group, delivery.Position, stoppingToken);
            return;
        }

        await RecordAsync(notifier, evt, delivered: true, $"Delivered {evt.Type} via {notifier.Name}", stoppingToken);
        await queue.AckAsync(group, delivery.Position, stoppingToken);
        metrics.Delivered(notifier.Name);
        Log.Delivered(logger, notifier.Name, evt.Type, evt.Id);
    }

    /// <summary>
    /// The retries of one delivery (Polly, on the hub's clock): exponential backoff from <see cref="OutboxOptions.RetryDelay"/>
    /// up to <see cref="OutboxOptions.MaxRetryDelay"/>, or the wait the tool asked for (<see cref="DeliveryException.RetryAfter"/>),
    /// until <see cref="OutboxOptions.MaxAttempts"/> attempts in all (earlier instances' attempts count). A failure the notifier
    /// calls permanent is not retried. The event stays claimed by this consumer while it waits.
    /// </summary>
    private ResiliencePipeline Retries(INotifier notifier, OutboxEvent evt, OutboxDelivery delivery, string group, OutboxOptions settings)
    {
        var retries = settings.MaxAttempts - Math.Max(1, delivery.DeliveryCount);
        if (retries <= 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = settings.RetryDelay,
                MaxDelay = settings.MaxRetryDelay,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException && ex is not DeliveryException { IsPermanent: true }),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is DeliveryException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
                OnRetry = async args =>
                {
                    metrics.Failed(notifier.Name);
                    Log.DeliveryFailed(logger, args.Outcome.Exception!, notifier.Name, evt.Type, evt.Id, Math.Max(1, delivery.DeliveryCount) + args.AttemptNumber, args.RetryDelay);
                    await queue.KeepAsync(group, Consumer, delivery.Position, args.Context.CancellationToken);
                },
            })
            .Build();
    }

    /// <summary>
    /// Writes the delivery (or its failure) into the ticket's history, once per event and notifier, so agents see
    /// which notifications went out. A replayed delivery finds its entry and writes nothing.
    /// </summary>
    private async Task RecordAsync(INotifier notifier, OutboxEvent evt, bool delivered, string message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await store.UpdateAsync(
            evt.TicketId,
            ticket =>
            {
                if (ticket.History.Any(h => h.Type == HistoryTypes.Notification && h.Data is { } d &&
                    d.GetValueOrDefault("eventId") == evt.Id && d.GetValueOrDefault("notifier") == notifier.Name))
                {
                    return null;
                }

                var entry = new HistoryEntry(now, HistoryTypes.Notification, message, new Dictionary<string, string>
                {
                    ["eventId"] = evt.Id,
                    ["type"] = evt.Type,
                    ["notifier"] = notifier.Name,
                    ["status"] = delivered ? "delivered" : "failed",
                });
                return new TicketChange(ticket, [entry], []);
            },
            cancellationToken);
    }

    private async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
