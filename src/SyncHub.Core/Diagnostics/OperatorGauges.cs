using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Outbox;
using SyncHub.Pipeline;
using SyncHub.Sla;
using SyncHub.Storage;
using SyncHub.Workflow;

namespace SyncHub.Diagnostics;

/// <summary>
/// The gauges an operator alerts on, on the <c>SyncHub</c> meter: whether the store answers, tickets by status and by
/// department, SLA targets at risk and tickets breached, dead letters, outbox events pending and the age of the oldest
/// per notifier, and the age of each poller's last good poll. At start it adds zero to every counter series it can name
/// (each source's intake and poll counters, each notifier's outbox counters, the SLA counters, each team's escalations), so every series is
/// exported before its first event.
/// </summary>
/// <remarks>
/// The store is read through counts it keeps (<see cref="ITicketCounts"/>, the dead-letter list's length, the outbox
/// groups' XINFO and XPENDING summary), never a scan, and at most once per <see cref="Lifetime"/>: a scrape within it
/// gets the last reading. The poll ages come from this instance's <see cref="PollerState"/>: a poller on standby (another
/// instance holds its lease) reports 0, so alert on the maximum over instances.
/// </remarks>
public sealed class OperatorGauges : IHostedService
{
    /// <summary>How long one reading of the store serves the scrapes.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// <summary>How long a scrape waits for a new reading before it takes the last one.</summary>
    private static readonly TimeSpan ReadWait = TimeSpan.FromSeconds(2);

    private readonly SyncHubMetrics metrics;
    private readonly IServiceProvider services;
    private readonly PollerState pollers;
    private readonly TimeProvider time;
    private readonly ILogger<OperatorGauges> logger;
    private readonly Lock gate = new();
    private readonly DateTimeOffset started;
    private IReadOnlyList<INotifier> notifiers = [];
    private IReadOnlyList<string> polled = [];
    private Reading reading;
    private Task? refreshing;

    public OperatorGauges(SyncHubMetrics metrics, IServiceProvider services, PollerState pollers, TimeProvider time, ILogger<OperatorGauges> logger)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        this.metrics = metrics;
        this.services = services;
        this.pollers = pollers;
        this.time = time;
        this.logger = logger;
        started = time.GetUtcNow();
        reading = new Reading(DateTimeOffset.MinValue, false, TicketCounts.Empty, 0, new Dictionary<string, OutboxReading>(StringComparer.Ordinal));

        var meter = metrics.Meter;
        meter.CreateObservableGauge("synchub.store.up", () => Current().StoreUp ? 1L : 0L, null, "1 when the ticket store answered at the last reading, 0 otherwise.");
        meter.CreateObservableGauge(
            "synchub.tickets.by_status",
            () => Current().Counts.ByStatus.Select(c => new Measurement<long>(c.Value, Tag("status", c.Key.ToString()))),
            "{ticket}",
            "Tickets in the store, by status.");
        meter.CreateObservableGauge(
            "synchub.tickets.by_department",
            () => Current().Counts.ByDepartment.Select(c => new Measurement<long>(c.Value, Tag("department", c.Key.ToString()))),
            "{ticket}",
            "Tickets in the store, by department.");
        meter.CreateObservableGauge(
            "synchub.sla.targets_at_risk",
            () =>
            {
                var counts = Current().Counts;
                return new[]
                {
                    new Measurement<long>(counts.FirstResponseAtRisk, Tag("target", SlaMetrics.FirstResponse)),
                    new Measurement<long>(counts.ResolutionAtRisk, Tag("target", SlaMetrics.Resolution)),
                };
            },
            "{target}",
            "Live SLA targets past their at-risk instant and not yet due, by target.");
        meter.CreateObservableGauge("synchub.sla.tickets_breached", () => Current().Counts.Breached, "{ticket}", "Tickets with a breached SLA target (any status).");
        meter.CreateObservableGauge("synchub.dead_letters", () => Current().DeadLetters, "{record}", "Records in the dead-letter list.");
        meter.CreateObservableGauge(
            "synchub.outbox.pending",
            () => Current().Outbox.Select(o => new Measurement<long>(o.Value.Pending, Tag("notifier", o.Key))),
            "{event}",
            "Outbox events not yet acknowledged (pending or never read), by notifier.");
        meter.CreateObservableGauge(
            "synchub.outbox.oldest_age",
            () => Current().Outbox.Select(o => new Measurement<double>(o.Value.OldestAge, Tag("notifier", o.Key))),
            "s",
            "Age of the oldest outbox event not yet acknowledged, by notifier (0 when caught up).");
        meter.CreateObservableGauge("synchub.poll.age", PollAges, "s", "Time since the last successful poll, by source (since start before the first; 0 on standby).");
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var descriptors = services.GetServices<PollingSourceDescriptor>().Select(d => d.Name).ToList();
        polled = descriptors;
        foreach (var source in descriptors.Concat(services.GetServices<IWebhookSource>().Select(w => w.Name)).Distinct(StringComparer.Ordinal))
        {
            metrics.Prime(source, descriptors.Contains(source, StringComparer.Ordinal));
        }

        notifiers = [.. services.GetServices<INotifier>()];
        if (services.GetService<OutboxMetrics>() is { } outbox)
        {
            foreach (var notifier in notifiers)
            {
                outbox.Prime(notifier.Name);
            }
        }

        services.GetService<SlaMetrics>()?.Prime();
        if (services.GetService<WorkflowMetrics>() is { } workflow && services.GetService<IOptions<EscalationOptions>>() is { } escalation)
        {
            workflow.Prime(escalation.Value.Teams.Keys);
        }
        lock (gate)
        {
            reading = reading with
            {
                Outbox = notifiers.ToDictionary(n => n.Name, _ => new OutboxReading(0, 0), StringComparer.Ordinal),
            };
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);

    private IEnumerable<Measurement<double>> PollAges()
    {
        var now = time.GetUtcNow();
        var states = pollers.Snapshot;
        foreach (var source in polled)
        {
            var age = states.TryGetValue(source, out var state) && state.HoldsLease
                ? Math.Max(0, (now - (state.LastSuccessAt ?? started)).TotalSeconds)
                : 0;
            yield return new Measurement<double>(age, Tag("source", source));
        }
    }

    /// <summary>The last reading, read again first (one refresh at a time, waited for briefly) once it is older than <see cref="Lifetime"/>.</summary>
    private Reading Current()
    {
        Task refresh;
        lock (gate)
        {
            if (time.GetUtcNow() - reading.At < Lifetime)
            {
                return reading;
            }

            refreshing ??= Task.Run(RefreshAsync);
            refresh = refreshing;
        }

        refresh.Wait(ReadWait);
        lock (gate)
        {
            return reading;
        }
    }

    private async Task RefreshAsync()
    {
        var now = time.GetUtcNow();
        var last = reading;
        Reading next;
        try
        {
            using var cts = new CancellationTokenSource(ReadWait);
            next = await ReadAsync(now, cts.Token);
        }
        catch (Exception ex) when (ex is StoreUnavailableException or OperationCanceledException)
        {
            Log.GaugesUnavailable(logger, ex);
            next = last with { At = now, StoreUp = false };
        }
        catch (Exception ex)
        {
            Log.GaugesFailed(logger, ex);
            next = last with { At = now };
        }

        lock (gate)
        {
            reading = next;
            refreshing = null;
        }
    }

    private async Task<Reading> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ITicketStore>();
        var up = await store.PingAsync(cancellationToken);
        if (!up)
        {
            return reading with { At = now, StoreUp = false };
        }

        var counts = services.GetService<ITicketCounts>() ?? store as ITicketCounts;
        var deadLetters = services.GetService<IDeadLetterStore>();
        var queue = services.GetService<IOutboxQueue>();
        var outbox = new Dictionary<string, OutboxReading>(StringComparer.Ordinal);
        foreach (var notifier in notifiers)
        {
            if (queue is null)
            {
                break;
            }

            var group = OutboxDispatcher.GroupOf(notifier);
            var pending = await queue.LagAsync(group, cancellationToken);
            var oldest = pending == 0 ? null : await queue.OldestPendingAsync(group, cancellationToken);
            outbox[notifier.Name] = new OutboxReading(pending, oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0);
        }

        return new Reading(
            now,
            true,
            counts is null ? TicketCounts.Empty : await counts.CountAsync(now, cancellationToken),
            deadLetters is null ? 0 : await deadLetters.CountAsync(cancellationToken),
            outbox);
    }

    private sealed record Reading(DateTimeOffset At, bool StoreUp, TicketCounts Counts, long DeadLetters, IReadOnlyDictionary<string, OutboxReading> Outbox);

    private sealed record OutboxReading(long Pending, double OldestAge);
}
