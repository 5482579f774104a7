using System.Diagnostics.Metrics;

namespace SyncHub.Diagnostics;

/// <summary>The <c>SyncHub</c> meter: intake counts by source and outcome, latency, channel depth, poll errors.</summary>
public sealed class SyncHubMetrics
{
    public const string MeterName = "SyncHub";

    private readonly Counter<long> received;
    private readonly Counter<long> records;
    private readonly Histogram<double> duration;
    private readonly Counter<long> pollErrors;
    private readonly Counter<long> polls;

    public SyncHubMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(MeterName);
        received = Meter.CreateCounter<long>("synchub.records.received", "{record}", "Records read from a source or webhook.");
        records = Meter.CreateCounter<long>("synchub.records", "{record}", "Records by outcome: created, duplicate, threaded, dead_lettered, rejected.");
        duration = Meter.CreateHistogram(
            "synchub.pipeline.duration",
            "s",
            "Time from enqueue to stored.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        pollErrors = Meter.CreateCounter<long>("synchub.poll.errors", "{error}", "Failed polls by source.");
        polls = Meter.CreateCounter<long>("synchub.polls", "{poll}", "Successful polls by source.");
    }

    public Meter Meter { get; }

    public void Received(string source) => received.Add(1, new KeyValuePair<string, object?>("source", source));

    public void Outcome(string source, string outcome) =>
        records.Add(1, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("outcome", outcome));

    public void Stored(string source, TimeSpan elapsed) =>
        duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("source", source));

    public void PollFailed(string source) => pollErrors.Add(1, new KeyValuePair<string, object?>("source", source));

    public void PollSucceeded(string source) => polls.Add(1, new KeyValuePair<string, object?>("source", source));

    /// <summary>Registers an observable gauge; the host calls it for the channel depth and the like.</summary>
    public void ObserveGauge(string name, string unit, string description, Func<long> read) =>
        Meter.CreateObservableGauge(name, read, unit, description);
}
