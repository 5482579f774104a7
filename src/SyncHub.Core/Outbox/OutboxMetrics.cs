using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SyncHub.Diagnostics;

namespace SyncHub.Outbox;

/// <summary>Outbox instruments on the <c>SyncHub</c> meter: deliveries, failures and lag by notifier.</summary>
public sealed class OutboxMetrics
{
    private readonly Counter<long> deliveries;
    private readonly Counter<long> failures;
    private readonly ConcurrentDictionary<string, long> lag = new(StringComparer.Ordinal);

    public OutboxMetrics(SyncHubMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        deliveries = metrics.Meter.CreateCounter<long>("synchub.outbox.deliveries", "{event}", "Outbox events delivered, by notifier.");
        failures = metrics.Meter.CreateCounter<long>("synchub.outbox.failures", "{attempt}", "Failed delivery attempts, by notifier.");
        metrics.Meter.CreateObservableGauge(
            "synchub.outbox.lag",
            () => lag.Select(l => new Measurement<long>(l.Value, new KeyValuePair<string, object?>("notifier", l.Key))),
            "{event}",
            "Outbox events not yet delivered, by notifier.");
    }

    public void Delivered(string notifier) => deliveries.Add(1, new KeyValuePair<string, object?>("notifier", notifier));

    public void Failed(string notifier) => failures.Add(1, new KeyValuePair<string, object?>("notifier", notifier));

    public void Lag(string notifier, long value) => lag[notifier] = value;

    /// <summary>Adds zero to the notifier's series, so they are exported before its first delivery.</summary>
    public void Prime(string notifier)
    {
        var tag = new KeyValuePair<string, object?>("notifier", notifier);
        deliveries.Add(0, tag);
        failures.Add(0, tag);
        lag.TryAdd(notifier, 0);
    }
}
