using System.Diagnostics.Metrics;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>The <c>SyncHub.Freshcaller</c> meter: <c>synchub.freshcaller.unreadable</c> counts the polled calls that could not be read.</summary>
internal sealed class FreshcallerMetrics
{
    public const string MeterName = "SyncHub.Freshcaller";
    public const string UnreadableCounter = "synchub.freshcaller.unreadable";

    private readonly Counter<long> unreadable;

    public FreshcallerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        unreadable = meter.CreateCounter<long>(UnreadableCounter, "{call}", "Polled calls that could not be read (a field of the wrong type, no id) and made no record.");
    }

    public void Unreadable() => unreadable.Add(1);
}
