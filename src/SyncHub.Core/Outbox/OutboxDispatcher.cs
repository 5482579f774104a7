using System.Globalization;
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
/// Delivers outbox events to every registered notifier. Each notifier is its own consumer group, so one slow tool never
/// holds another; within a notifier each ticket is its own lane, so one ticket's failing message never holds another
/// ticket's: events of one ticket are delivered in order, and the notifier keeps reading while lanes retry.
/// <list type="bullet">
/// <item>A transient failure is retried in its lane with backoff (Polly), or after the tool's own reset
/// (<see cref="DeliveryException.RetryAfter"/>), and dead-lettered after <see cref="OutboxOptions.MaxAttempts"/>.</item>
/// <item>A failure of this message (<see cref="DeliveryFailureKind.Permanent"/>) is dead-lettered at once with the tool's
/// reason; a reply that fails so is marked failed on its ticket and alerted in team chat.</item>
/// <item>A refusal of the notifier's credentials (<see cref="DeliveryFailureKind.Unauthorized"/>) pauses the notifier
/// (<see cref="NotifierPauses"/>, one alert): nothing new is read, the message is held, and the notifier is probed every
/// <see cref="OutboxOptions.PauseProbeInterval"/> until its credentials work again; nothing is lost.</item>
/// </list>
/// An event is acknowledged only after its outcome is recorded. Held events are kept claimed by this consumer; events
/// left pending by a dead instance are claimed after <see cref="OutboxOptions.ClaimIdle"/>, so a crash between delivery
/// and acknowledgement re-sends (notifiers use the event id as their idempotency key).
/// </summary>
public sealed class OutboxDispatcher(
    IEnumerable<INotifier> notifiers,
    IOutboxQueue queue,
    ITicketStore store,
    IDeadLetterStore deadLetters,
    NotifierPauses pauses,
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

    private OutboxOptions Settings => options.Value;

    private IOutboxQueue Queue => queue;

    private ILogger Logger => logger;

    private NotifierPauses Pauses => pauses;

    private TimeProvider Time => time;

    private OutboxMetrics Metrics => metrics;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        retries = BuildRetries();
        return Task.WhenAll(notifiers.Select(n => new NotifierRun(this, n).RunAsync(stoppingToken)));
    }

    /// <summary>
    /// Delivers one event: retries of transient failures, the pause on refused credentials, then the outcome recorded on
    /// the ticket and in the dead letters. Throws only when stopping or when the store is unavailable (the event stays
    /// pending and is delivered again).
    /// </summary>
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
        DeliveryReceipt receipt;
        while (true)
        {
            var context = ResilienceContextPool.Shared.Get(stoppingToken);
            context.Properties.Set(DeliveryKey, new DeliveryAttempt(notifier, group, delivery));
            try
            {
                receipt = await retries.ExecuteAsync(
                    async ctx =>
                    {
                        attempt++;
                        return await notifier.DeliverAsync(evt, ctx.CancellationToken);
                    },
                    context);
                if (pauses.Resume(notifier.Name))
                {
                    Log.NotifierResumed(logger, notifier.Name);
                }

                break;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                throw;
            }
            catch (DeliveryException ex) when (ex.Kind == DeliveryFailureKind.Unauthorized)
            {
                metrics.Failed(notifier.Name);
                await PauseAsync(notifier, evt, ex, stoppingToken);
                await WaitForProbeAsync(notifier, stoppingToken);
            }
            catch (Exception ex)
            {
                metrics.Failed(notifier.Name);
                await DeadLetterAsync(notifier, evt, ex, attempt, stoppingToken);
                await queue.AckAsync(group, delivery.Position, stoppingToken);
                return;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        await RecordAsync(notifier, evt, receipt, null, stoppingToken);
        await queue.AckAsync(group, delivery.Position, stoppingToken);
        metrics.Delivered(notifier.Name);
        Log.Delivered(logger, notifier.Name, evt.Type, evt.Id);
    }

    private async Task DeadLetterAsync(INotifier notifier, OutboxEvent evt, Exception ex, int attempt, CancellationToken stoppingToken)
    {
        string reason;
        if (ex is DeliveryException { IsPermanent: true })
        {
            reason = $"refused for good: {ex.Message}";
            Log.DeliveryRefused(logger, notifier.Name, evt.Type, evt.Id, ex.Message);
        }
        else
        {
            reason = $"{attempt} failed deliveries; last: {ex.GetType().Name}: {ex.Message}";
            Log.DeliveryDeadLettered(logger, ex, notifier.Name, evt.Type, evt.Id, attempt);
        }

        await deadLetters.AddAsync(
            new DeadLetter($"outbox:{notifier.Name}", evt.Id, reason, JsonSerializer.Serialize(evt, SyncHubJson.Options), time.GetUtcNow()),
            stoppingToken);
        await RecordAsync(notifier, evt, null, reason, stoppingToken);
    }

    /// <summary>Pauses the notifier; the first lane to see the refusal alerts, once per pause.</summary>
    private async Task PauseAsync(INotifier notifier, OutboxEvent evt, DeliveryException refusal, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!pauses.Pause(notifier.Name, refusal.Message, time.GetUtcNow()))
        {
            return;
        }

        Log.NotifierPaused(logger, notifier.Name, refusal.Message, settings.PauseProbeInterval);
        if (evt.TicketId.Length == 0)
        {
            // A team alert belongs to no ticket: the log line and /health/ready tell of the pause.
            return;
        }

        var now = time.GetUtcNow();
        await store.UpdateAsync(
            evt.TicketId,
            ticket =>
            {
                var text = $"{notifier.Name} refused its credentials ({refusal.Message}); its messages are held until they work again.";
                var entry = new HistoryEntry(now, HistoryTypes.Notification, $"Delivery via {notifier.Name} paused: {refusal.Message}", new Dictionary<string, string>
                {
                    ["eventId"] = evt.Id,
                    ["notifier"] = notifier.Name,
                    ["status"] = "paused",
                });
                return new TicketChange(ticket, [entry], [Alert(ticket, $"alert:paused:{notifier.Name}:{evt.Id}", "notifier-paused", $"{notifier.Name} paused", text, now)])
                {
                    ActionKey = $"paused:{notifier.Name}:{evt.Id}",
                };
            },
            stoppingToken);
    }

    /// <summary>Waits a probe interval at a time until the notifier's probe succeeds (another lane may have resumed it).</summary>
    private async Task WaitForProbeAsync(INotifier notifier, CancellationToken stoppingToken)
    {
        while (true)
        {
            await Task.Delay(options.Value.PauseProbeInterval, time, stoppingToken);
            if (!pauses.IsPaused(notifier.Name))
            {
                return;
            }

            try
            {
                if (await notifier.ProbeAsync(stoppingToken))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A probe that fails is a probe that did not succeed.
                Log.DeliveryFailed(logger, ex, notifier.Name, "probe", "probe", 0, options.Value.PauseProbeInterval);
            }
        }
    }

    /// <summary>
    /// The retries of every delivery, built once (Polly, on the hub's clock): exponential backoff from
    /// <see cref="OutboxOptions.RetryDelay"/> up to <see cref="OutboxOptions.MaxRetryDelay"/>, or the wait the tool asked for
    /// (<see cref="DeliveryException.RetryAfter"/>), until <see cref="OutboxOptions.MaxAttempts"/> attempts in all (earlier
    /// instances' attempts count). A failure the notifier calls permanent, or its credentials', is not retried here.
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
                    args.Outcome.Exception is { } ex and not OperationCanceledException
                    && ex is not DeliveryException { Kind: DeliveryFailureKind.Permanent or DeliveryFailureKind.Unauthorized }
                    && AttemptsMade(args.Context, args.AttemptNumber) < settings.MaxAttempts),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is DeliveryException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
                OnRetry = args =>
                {
                    var (notifier, _, delivery) = args.Context.Properties.GetValue(DeliveryKey, null!);
                    metrics.Failed(notifier.Name);
                    Log.DeliveryFailed(logger, args.Outcome.Exception!, notifier.Name, delivery.Event.Type, delivery.Event.Id, AttemptsMade(args.Context, args.AttemptNumber), args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Attempts made once attempt <paramref name="attemptNumber"/> (zero-based, this instance's) has failed.</summary>
    private static int AttemptsMade(ResilienceContext context, int attemptNumber) =>
        Math.Max(1, context.Properties.GetValue(DeliveryKey, null!).Delivery.DeliveryCount) + attemptNumber;

    /// <summary>
    /// Writes the delivery's outcome into the ticket once per event and notifier (the action key): the history line, and
    /// for an agent's reply its state (sent with the tool's id, or failed with the reason, which also alerts the team).
    /// </summary>
    private async Task RecordAsync(INotifier notifier, OutboxEvent evt, DeliveryReceipt? receipt, string? failure, CancellationToken cancellationToken)
    {
        if (evt.TicketId.Length == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await store.UpdateAsync(
            evt.TicketId,
            ticket =>
            {
                var data = new Dictionary<string, string>
                {
                    ["eventId"] = evt.Id,
                    ["type"] = evt.Type,
                    ["notifier"] = notifier.Name,
                    ["status"] = failure is null ? "delivered" : "failed",
                };
                if (receipt?.ToolMessageId is { } toolId)
                {
                    data["toolMessageId"] = toolId;
                }

                if (failure is not null)
                {
                    data["reason"] = failure;
                }

                // A delivery queued again from the dead letters records its own outcome.
                var actionKey = evt.Data.TryGetValue(DeadLetterReplay.ReplayKey, out var replay)
                    ? $"delivery:{notifier.Name}:{evt.Id}:{replay}"
                    : $"delivery:{notifier.Name}:{evt.Id}";
                if (!ticket.Replies.TryGetValue(evt.Id, out var reply))
                {
                    var message = failure is null ? $"Delivered {evt.Type} via {notifier.Name}" : $"Delivery of {evt.Type} via {notifier.Name} failed: {failure}";
                    return new TicketChange(ticket, [new HistoryEntry(now, HistoryTypes.Notification, message, data)], []) { ActionKey = actionKey };
                }

                var state = failure is null
                    ? reply with { State = ReplyState.Sent, At = now, ToolMessageId = receipt?.ToolMessageId }
                    : reply with { State = ReplyState.Failed, At = now, Reason = failure };
                var replies = new Dictionary<string, ReplyDelivery>(ticket.Replies) { [evt.Id] = state };
                data["state"] = state.State.ToString();
                var entry = new HistoryEntry(
                    now,
                    HistoryTypes.Delivery,
                    failure is null
                        ? $"Reply sent: {reply.Destination}{(receipt?.ToolMessageId is { } id ? $" (id {id})" : "")}"
                        : $"Reply failed: {reply.Destination}: {failure}",
                    data);
                OutboxEvent[] alert = failure is null
                    ? []
                    : [Alert(ticket, $"{evt.Id}:failed", "reply-failed", $"Reply to {ticket.Tag} failed", $"The reply ({reply.Destination}) could not be delivered: {failure}", now)];
                return new TicketChange(ticket with { Replies = replies }, [entry], alert) { ActionKey = actionKey };
            },
            cancellationToken);
    }

    private OutboxEvent Alert(Ticket ticket, string id, string kind, string title, string text, DateTimeOffset now) =>
        ChatAlert(id, ticket.Id, ticket.Number, kind, options.Value.AlertChannel, title, text, now, new()
        {
            [ChatEvents.Priority] = ticket.Priority.ToString(),
            [ChatEvents.Subject] = ticket.Subject,
        });

    /// <summary>A team-chat alert to <paramref name="channel"/>: the outbox's own (about a ticket) and the adapters' (<see cref="TeamAlerts"/>).</summary>
    internal static OutboxEvent ChatAlert(
        string id, string ticketId, long ticketNumber, string kind, string channel, string title, string text, DateTimeOffset now, Dictionary<string, string>? data = null)
    {
        data ??= [];
        data[ChatEvents.Kind] = kind;
        data[ChatEvents.Channel] = channel;
        data[ChatEvents.Title] = title;
        data[ChatEvents.Text] = text;
        return new() { Id = id, Type = ChatEvents.Message, TicketId = ticketId, TicketNumber = ticketNumber, CreatedAt = now, Data = data };
    }

    /// <summary>What one delivery's retries need to know: whose, in which consumer group, and the stream entry.</summary>
    private sealed record DeliveryAttempt(INotifier Notifier, string Group, OutboxDelivery Delivery);

    /// <summary>
    /// One notifier's consumption: reads while lanes work (up to <see cref="OutboxOptions.MaxTicketsInFlight"/> tickets),
    /// chains each event behind its ticket's earlier ones, keeps the held events claimed, and reads nothing new while the
    /// notifier is paused.
    /// </summary>
    private sealed class NotifierRun(OutboxDispatcher dispatcher, INotifier notifier)
    {
        private readonly string group = GroupOf(notifier);
        private readonly Dictionary<string, Task> lanes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DateTimeOffset> held = new(StringComparer.Ordinal);
        private readonly Lock gate = new();

        public async Task RunAsync(CancellationToken stoppingToken)
        {
            var settings = dispatcher.Settings;
            var queue = dispatcher.Queue;
            Log.NotifierStarted(dispatcher.Logger, notifier.Name, dispatcher.Consumer);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await KeepHeldAsync(settings, stoppingToken);
                    var busy = Prune();
                    if (dispatcher.Pauses.IsPaused(notifier.Name) || busy >= settings.MaxTicketsInFlight)
                    {
                        await Task.Delay(settings.PollInterval, dispatcher.Time, stoppingToken);
                        continue;
                    }

                    var room = Math.Min(settings.BatchSize, settings.MaxTicketsInFlight - busy);
                    var batch = await queue.ClaimStaleAsync(group, dispatcher.Consumer, settings.ClaimIdle, room, stoppingToken);
                    if (batch.Count == 0)
                    {
                        batch = await queue.ReadAsync(group, dispatcher.Consumer, room, stoppingToken);
                    }

                    dispatcher.Metrics.Lag(notifier.Name, await queue.LagAsync(group, stoppingToken));
                    var taken = 0;
                    foreach (var delivery in batch)
                    {
                        taken += Enqueue(delivery, stoppingToken) ? 1 : 0;
                    }

                    if (taken == 0)
                    {
                        await Task.Delay(settings.PollInterval, dispatcher.Time, stoppingToken);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (StoreUnavailableException ex)
                {
                    Log.OutboxUnavailable(dispatcher.Logger, ex, notifier.Name);
                    await DelayQuietlyAsync(settings.RetryDelay, stoppingToken);
                }
            }

            Task[] running;
            lock (gate)
            {
                running = [.. lanes.Values];
            }

            await Task.WhenAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        /// <summary>Chains <paramref name="delivery"/> behind its ticket's lane; false when this run already holds it.</summary>
        private bool Enqueue(OutboxDelivery delivery, CancellationToken stoppingToken)
        {
            lock (gate)
            {
                if (!held.TryAdd(delivery.Position, dispatcher.Time.GetUtcNow()))
                {
                    return false;
                }

                var ticket = delivery.Event.TicketId;
                var before = lanes.GetValueOrDefault(ticket) ?? Task.CompletedTask;
                lanes[ticket] = RunAfterAsync(before, delivery, stoppingToken);
                return true;
            }
        }

        private async Task RunAfterAsync(Task before, OutboxDelivery delivery, CancellationToken stoppingToken)
        {
            try
            {
                await before;
            }
            catch (Exception)
            {
                // The earlier event's failure was handled (and logged) in its own lane step.
            }

            try
            {
                await dispatcher.DeliverAsync(notifier, group, delivery, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: the event stays pending and is delivered again.
            }
            catch (Exception ex)
            {
                // The store or the queue failed around the delivery: the event stays pending; this instance claims it
                // again once it is idle, after the lane lets go of it.
                Log.OutboxUnavailable(dispatcher.Logger, ex, notifier.Name);
                throw;
            }
            finally
            {
                lock (gate)
                {
                    held.Remove(delivery.Position);
                }
            }
        }

        /// <summary>Drops finished lanes; returns the tickets still in flight.</summary>
        private int Prune()
        {
            lock (gate)
            {
                foreach (var done in lanes.Where(l => l.Value.IsCompleted).Select(l => l.Key).ToList())
                {
                    lanes.Remove(done);
                }

                return lanes.Count;
            }
        }

        /// <summary>Tells the group this consumer still works on events it holds longer than a third of the claim idle time.</summary>
        private async Task KeepHeldAsync(OutboxOptions settings, CancellationToken stoppingToken)
        {
            var now = dispatcher.Time.GetUtcNow();
            List<string> due;
            lock (gate)
            {
                due = [.. held.Where(h => now - h.Value >= settings.ClaimIdle / 3).Select(h => h.Key)];
                foreach (var position in due)
                {
                    held[position] = now;
                }
            }

            foreach (var position in due)
            {
                await dispatcher.Queue.KeepAsync(group, dispatcher.Consumer, position, stoppingToken);
            }
        }

        private async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken stoppingToken)
        {
            try
            {
                await Task.Delay(delay, dispatcher.Time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
