using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task Metrics_FollowUpsAndEscalations_AreCountedByOutcomeAndTeam()
    {
        await using var hub = await HubServer.StartAsync();
        using var created = await hub.Client.SendAsync(hub.Form(Forms.Valid("m-follow")));
        var id = (await hub.JsonAsync(created)).GetProperty("id").GetString()!;
        using (await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/escalate", new { team = "sales", assignee = "carla" })))
        using (await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/status", new { status = "Closed" })))
        using (var followUp = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/follow-up", new { documentation = "improve", documentationLink = "https://docs.example.com/login", bug = "none", feature = "none" })))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, followUp.StatusCode);
        }

        var text = await hub.Client.GetStringAsync("/metrics");

        Assert.Contains("synchub_escalations_total{otel_scope_name=\"SyncHub\",team=\"sales\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("synchub_followups_total{otel_scope_name=\"SyncHub\",bug=\"none\",documentation=\"improve\",feature=\"none\"} 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AnAdaptersOwnMeter_IsExported()
    {
        await using var hub = await HubServer.StartAsync();

        // What the e-mail source does when it skips an auto-reply: its own meter, SyncHub.Email.
        var meters = hub.App.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        meters.Create(new System.Diagnostics.Metrics.MeterOptions("SyncHub.Email")).CreateCounter<long>("synchub.email.ignored", "{message}").Add(1, new KeyValuePair<string, object?>("reason", "auto-reply"));
        var text = await hub.Client.GetStringAsync("/metrics");

        Assert.Contains("synchub_email_ignored_total{otel_scope_name=\"SyncHub.Email\",reason=\"auto-reply\"} 1", text, StringComparison.Ordinal);
    }
}
