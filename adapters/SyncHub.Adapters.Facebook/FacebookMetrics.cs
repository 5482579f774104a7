using System.Diagnostics.Metrics;

namespace SyncHub.Adapters.Facebook;

/// <summary>
/// The <c>SyncHub.Facebook</c> meter: <c>synchub.facebook.ignored</c> counts the acknowledged notifications of an object
/// the hub does not take (instagram, user, permissions...), by <c>kind</c>.
/// </summary>
internal sealed class FacebookMetrics
{
    public const string MeterName = "SyncHub.Facebook";
    public const string IgnoredCounter = "synchub.facebook.ignored";

    private readonly Counter<long> ignored;

    public FacebookMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        ignored = meter.CreateCounter<long>(IgnoredCounter, "{notification}", "Webhook notifications of an object other than page (instagram, user, permissions...), acknowledged and not taken, by kind.");
    }

    public void Ignored(string kind) => ignored.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
