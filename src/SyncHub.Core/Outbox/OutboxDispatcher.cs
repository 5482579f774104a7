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
    private static readonly ResiliencePropertyKey<DeliveryAttempt> DeliveryKey = new("synchub.outbox.delivery");

    /// <summary>Built once when the dispatcher starts (<see cref="BuildRetries"/>).</summary>
    private ResiliencePipeline retries = ResiliencePipeline.Empty;

    /// <summary>The consumer name of this instance within every group.</summary>
    public string Consumer { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}"[..^24];

    public static string GroupOf(INotifier notifier) => $"notifier:{notifier.Name}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        retries = BuildRetries();
        return Task.WhenAll(notifiers.Select(n => RunAsync(n, stoppingToken)));
    }

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
        var evt = delivery.Event;
        if (!notifier.Handles(evt))
        {
            await queue.AckAsync(group, delivery.Position, stoppingToken);
            return;
        }

        // Attempts made so far: earlier instances' (the stream's delivery count) and this one's.
        var attempt = Math.Max(0, delivery.DeliveryCount - 1);
        var context = ResilienceContextPool.Shared.Get(stoppingToken);
        context.Properties.Set(DeliveryKey, new DeliveryAttempt(notifier, group, delivery));
        try
        {
            await retries.ExecuteAsync(
                async ctx =>
                {
                    attempt++;
                    await notifier.SendAsync(evt, ctx.CancellationToken);
                },
                context);
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
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        await RecordAsync(notifier, evt, delivered: true, $"Delivered {evt.Type} via {notifier.Name}", stoppingToken);
        await queue.AckAsync(group, delivery.Position, stoppingToken);
        metrics.Delivered(notifier.Name);
        Log.Delivered(logger, notifier.Name, evt.Type, evt.Id);
    }

    /// <summary>
    /// The retries of every delivery, built once (Polly, on the hub's clock): exponential backoff from
    /// <see cref="OutboxOptions.RetryDelay"/> up to <see cref="OutboxOptions.MaxRetryDelay"/>, or the wait the tool asked for
    /// (<see cref="DeliveryException.RetryAfter"/>), until <see cref="OutboxOptions.MaxAttempts"/> attempts in all (earlier
    /// instances' attempts count). A failure the notifier calls permanent is not retried. The event stays claimed by this
    /// consumer while it waits. The delivery travels in the context (<see cref="DeliveryKey"/>).
    /// </summary>
    private ResiliencePipeline BuildRetries()
    {
        var settings = options.Value;
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, settings.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = settings.RetryDelay,
                MaxDelay = settings.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex and not OperationCanceledException and not DeliveryException { IsPermanent: true }
                    && AttemptsMade(args.Context, args.AttemptNumber) < settings.MaxAttempts),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is DeliveryException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
                OnRetry = async args =>
                {
                    var (notifier, group, delivery) = args.Context.Properties.GetValue(DeliveryKey, null!);
                    metrics.Failed(notifier.Name);
                    Log.DeliveryFailed(logger, args.Outcome.Exception!, notifier.Name, delivery.Event.Type, delivery.Event.Id, AttemptsMade(args.Context, args.AttemptNumber), args.RetryDelay);
                    await queue.KeepAsync(group, Consumer, delivery.Position, args.Context.CancellationToken);
                },
            })
            .Build();
    }

    /// <summary>Attempts made once attempt <paramref name="attemptNumber"/> (zero-based, this instance's) has failed.</summary>
    private static int AttemptsMade(ResilienceContext context, int attemptNumber) =>
        Math.Max(1, context.Properties.GetValue(DeliveryKey, null!).Delivery.DeliveryCount) + attemptNumber;

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

    /// <summary>What one delivery's retries need to know: whose, in which consumer group, and the stream entry.</summary>
    private sealed record DeliveryAttempt(INotifier Notifier, string Group, OutboxDelivery Delivery);
}
