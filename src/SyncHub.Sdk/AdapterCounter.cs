using System.Diagnostics.Metrics;

namespace SyncHub.Adapters;

/// <summary>
/// A counter on an adapter's own meter (name it <c>SyncHub.&lt;Adapter&gt;</c>: the host exports every <c>SyncHub.*</c> meter to
/// <c>/metrics</c>), counted by one tag or none: what an adapter skipped, by reason.
/// </summary>
public sealed class AdapterCounter
{
    private readonly Counter<long> counter;
    private readonly string? tag;

    /// <param name="meters">The host's meter factory.</param>
    /// <param name="meterName">The adapter's meter, e.g. <c>SyncHub.Email</c>.</param>
    /// <param name="name">The counter, e.g. <c>synchub.email.ignored</c>.</param>
    /// <param name="unit">Its unit, e.g. <c>{message}</c>.</param>
    /// <param name="description">What it counts.</param>
    /// <param name="tag">The tag each count carries (e.g. <c>reason</c>), or null for none.</param>
    public AdapterCounter(IMeterFactory meters, string meterName, string name, string unit, string description, string? tag = null)
    {
        ArgumentNullException.ThrowIfNull(meters);
        counter = meters.Create(meterName).CreateCounter<long>(name, unit, description);
        this.tag = tag;
    }

    /// <summary>Counts one, under <paramref name="tagValue"/> when the counter has a tag.</summary>
    public void Add(string? tagValue = null)
    {
        if (tag is null)
        {
            counter.Add(1);
        }
        else
        {
            counter.Add(1, new KeyValuePair<string, object?>(tag, tagValue ?? "none"));
        }
    }
}
