namespace SyncHub.Host.Tests;

/// <summary>
/// Meters are process-wide listeners: this class runs alone so counts from hubs started by other tests
/// do not mix into the scrape it reads.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_AfterIntake_CountCreatedDuplicateAndRejectedBySource()
    {
        await using var hub = await HubServer.StartAsync();
        using (await hub.Client.SendAsync(hub.Form(Forms.Valid("m-1"))))
        using (await hub.Client.SendAsync(hub.Form(Forms.Valid("m-1"))))
        using (await hub.Client.SendAsync(hub.Form(Forms.Valid("m-2"), token: "nope")))
        {
        }

        var text = await hub.Client.GetStringAsync("/metrics");

        Assert.Contains("synchub_records_total{otel_scope_name=\"SyncHub\",outcome=\"created\",source=\"WebForm\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("synchub_records_total{otel_scope_name=\"SyncHub\",outcome=\"duplicate\",source=\"WebForm\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("synchub_records_total{otel_scope_name=\"SyncHub\",outcome=\"rejected\",source=\"WebForm\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("synchub_pipeline_duration_seconds_count", text, StringComparison.Ordinal);
        Assert.Contains("synchub_channel_depth", text, StringComparison.Ordinal);
    }
}
