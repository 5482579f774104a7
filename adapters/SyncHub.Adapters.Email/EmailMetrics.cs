using System.Diagnostics.Metrics;

namespace SyncHub.Adapters.Email;

/// <summary>The <c>SyncHub.Email</c> meter: <c>synchub.email.ignored</c> counts the messages that made no record, by reason.</summary>
internal sealed class EmailMetrics
{
    public const string MeterName = "SyncHub.Email";
    public const string IgnoredCounter = "synchub.email.ignored";

    private readonly Counter<long> ignored;

    public EmailMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        ignored = meter.CreateCounter<long>(IgnoredCounter, "{message}", "Incoming messages that made no record (auto-replies, bounces, our own mail), by reason.");
    }

    public void Ignored(string reason) => ignored.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
