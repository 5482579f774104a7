using System.Diagnostics.Metrics;
using System.Reflection;

namespace SyncHub.Diagnostics;

/// <summary>
/// The <c>SyncHub</c> meter: intake counts by source and outcome, latency, channel depth, poll errors, intake
/// answered 503, and <c>synchub.build.info</c> (value 1, tag <c>version</c>).
/// </summary>
public sealed class SyncHubMetrics
{
    public const string MeterName = "SyncHub";

    private readonly Counter<long> received;
    private readonly Counter<long> records;
    private readonly Histogram<double> duration;
    private readonly Counter<long> pollErrors;
    private readonly Counter<long> polls;
    private readonly Counter<long> unavailable;

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
        unavailable = Meter.CreateCounter<long>("synchub.intake.unavailable", "{request}", "Intake requests answered 503 (pipeline saturated or store down), by source.");
        var version = new KeyValuePair<string, object?>("version", Version);
        Meter.CreateObservableGauge("synchub.build.info", () => new Measurement<long>(1, version), null, "The hub's version (value 1).");
    }

    /// <summary>The hub's version: the informational version of its build (the core ships with every hub).</summary>
    public static string Version { get; } =
        typeof(SyncHubMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SyncHubMetrics).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public Meter Meter { get; }

    public void Received(string source) => received.Add(1, new KeyValuePair<string, object?>("source", source));

    /// <summary>A record refused before the pipeline (bad signature, invalid, too large): received and rejected.</summary>
    public void Rejected(string source)
    {
        Received(source);
        Outcome(source, Outcomes.Rejected);
    }

    /// <summary>An intake request answered 503 with Retry-After.</summary>
    public void Unavailable(string source) => unavailable.Add(1, new KeyValuePair<string, object?>("source", source));

    /// <summary>
    /// Adds zero to every intake series of <paramref name="source"/>, so each is exported before its first event
    /// (a rate or an alert then sees the series from the start); <paramref name="polled"/> adds the poll counters.
    /// </summary>
    public void Prime(string source, bool polled)
    {
        var tag = new KeyValuePair<string, object?>("source", source);
        received.Add(0, tag);
        unavailable.Add(0, tag);
        foreach (var outcome in Outcomes.All)
        {
            records.Add(0, tag, new KeyValuePair<string, object?>("outcome", outcome));
        }

        if (polled)
        {
            polls.Add(0, tag);
            pollErrors.Add(0, tag);
        }
    }

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
