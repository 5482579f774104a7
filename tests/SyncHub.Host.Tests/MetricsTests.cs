using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Testing.Fakes;

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

    [Fact]
    public async Task Metrics_RejectedRecords_AreCountedAsReceivedToo()
    {
        await using var hub = await HubServer.StartAsync();
        using (await hub.Client.SendAsync(hub.Form(Forms.Valid("r-1"))))
        using (await hub.Client.SendAsync(hub.Form(Forms.Valid("r-2"), token: "nope")))
        using (await hub.Client.SendAsync(hub.Form(new { name = "Ana" })))
        {
        }

        var text = await hub.Client.GetStringAsync("/metrics");

        Assert.Equal(3, Value(text, "synchub_records_received_total{otel_scope_name=\"SyncHub\",source=\"WebForm\"}"));
        Assert.Equal(1, Value(text, "synchub_records_total{otel_scope_name=\"SyncHub\",outcome=\"created\",source=\"WebForm\"}"));
        Assert.Equal(2, Value(text, "synchub_records_total{otel_scope_name=\"SyncHub\",outcome=\"rejected\",source=\"WebForm\"}"));
    }

    [Fact]
    public async Task Metrics_BeforeAnyEvent_EverySeriesIsPresentWithZeroAndTheBuildInfoWithTheVersion()
    {
        await using var hub = await HubServer.StartAsync();

        var text = await hub.Client.GetStringAsync("/metrics");

        string[] zero =
        [
            "synchub_records_received_total{otel_scope_name=\"SyncHub\",source=\"WebForm\"}",
            "synchub_records_total{otel_scope_name=\"SyncHub\",outcome=\"created\",source=\"WebForm\"}",
            "synchub_records_total{otel_scope_name=\"SyncHub\",outcome=\"dead_lettered\",source=\"WebForm\"}",
            "synchub_records_total{otel_scope_name=\"SyncHub\",outcome=\"rejected\",source=\"WebForm\"}",
            "synchub_intake_unavailable_total{otel_scope_name=\"SyncHub\",source=\"WebForm\"}",
            "synchub_sla_breaches_total{otel_scope_name=\"SyncHub\",department=\"PaidSupport\",priority=\"High\",target=\"first_response\"}",
            "synchub_sla_at_risk_total{otel_scope_name=\"SyncHub\",department=\"Community\",priority=\"Low\",target=\"resolution\"}",
            "synchub_tickets_by_status{otel_scope_name=\"SyncHub\",status=\"Open\"}",
            "synchub_tickets_by_department{otel_scope_name=\"SyncHub\",department=\"PaidSupport\"}",
            "synchub_sla_targets_at_risk{otel_scope_name=\"SyncHub\",target=\"first_response\"}",
            "synchub_sla_tickets_breached{otel_scope_name=\"SyncHub\"}",
            "synchub_dead_letters{otel_scope_name=\"SyncHub\"}",
            "synchub_escalations_total{otel_scope_name=\"SyncHub\",team=\"developers\"}",
        ];
        Assert.All(zero, series => Assert.Equal(0, Value(text, series)));
        Assert.Equal(1, Value(text, "synchub_store_up{otel_scope_name=\"SyncHub\"}"));
        Assert.Equal(1, Value(text, $"synchub_build_info{{otel_scope_name=\"SyncHub\",version=\"{SyncHub.Diagnostics.SyncHubMetrics.Version}\"}}"));
        Assert.False(string.IsNullOrWhiteSpace(SyncHub.Diagnostics.SyncHubMetrics.Version));
    }

    [Fact]
    public async Task Metrics_AfterIntake_StoreGaugesCountTicketsAndDeadLetters()
    {
        await using var hub = await HubServer.StartAsync();

        await AssertStoreGaugesAsync(hub);
    }

    /// <summary>Two tickets and a dead letter, then one scrape: what the store gauges must say (in memory and on Redis).</summary>
    internal static async Task AssertStoreGaugesAsync(HubServer hub)
    {
        using (await hub.Client.SendAsync(hub.Form(Forms.Valid("g-1"))))
        using (await hub.Client.SendAsync(hub.Form(Forms.Valid("g-2"))))
        {
        }

        var letters = hub.App.Services.GetRequiredService<SyncHub.Storage.IDeadLetterStore>();
        await letters.AddAsync(new SyncHub.Storage.DeadLetter("Twitter", "t-1", "unreadable", "not json", TimeProvider.System.GetUtcNow()));

        var text = await hub.Client.GetStringAsync("/metrics");

        Assert.Equal(1, Value(text, "synchub_store_up{otel_scope_name=\"SyncHub\"}"));
        Assert.Equal(2, Value(text, "synchub_tickets_by_status{otel_scope_name=\"SyncHub\",status=\"Open\"}"));
        Assert.Equal(0, Value(text, "synchub_tickets_by_status{otel_scope_name=\"SyncHub\",status=\"Closed\"}"));
        Assert.Equal(2, Value(text, "synchub_tickets_by_department{otel_scope_name=\"SyncHub\",department=\"Community\"}"));
        Assert.Equal(1, Value(text, "synchub_dead_letters{otel_scope_name=\"SyncHub\"}"));
    }

    [Fact]
    public async Task Metrics_AlertRulesAndDashboard_NameOnlySeriesTheHubExports()
    {
        using var chat = new RocketChatFake();
        await using var hub = await HubServer.StartAsync(new Dictionary<string, string?>
        {
            ["SyncHub:Adapters:RocketChat:Enabled"] = "true",
            ["SyncHub:Adapters:RocketChat:BaseUrl"] = chat.Url,
            ["SyncHub:Adapters:RocketChat:UserId"] = RocketChatFake.UserId,
            ["SyncHub:Adapters:RocketChat:AuthToken"] = RocketChatFake.AuthToken,
            ["SyncHub:Adapters:RocketChat:DefaultChannel"] = "support",
            ["SyncHub:Adapters:Freshcaller:Enabled"] = "true",
            ["SyncHub:Adapters:Freshcaller:BaseUrl"] = "http://127.0.0.1:9/api/v1",
            ["SyncHub:Adapters:Freshcaller:ApiKey"] = "test-freshcaller-key",
        });

        // The latency histogram appears with the first stored record; everything else is there from the start.
        using (await hub.Client.SendAsync(hub.Form(Forms.Valid("rules-1"))))
        {
        }

        var scrape = await hub.Client.GetStringAsync("/metrics");
        var exported = scrape
            .Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l[..l.IndexOfAny(['{', ' '])])
            .ToHashSet(StringComparer.Ordinal);
        var rules = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "compose", "prometheus", "synchub-alerts.yml"));
        var ruleExprs = Regex.Matches(rules, @"^\s*expr:\s*(.+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "compose", "grafana", "synchub-dashboard.json")));
        var panelExprs = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("expr").GetString()!)
            .ToList();

        var named = ruleExprs.Concat(panelExprs).SelectMany(e => Regex.Matches(e, @"\bsynchub_[a-z0-9_]+").Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(8, ruleExprs.Count);
        Assert.NotEmpty(panelExprs);
        Assert.Equal([], named.Except(exported).Order(StringComparer.Ordinal));
        string[] alerted = ["synchub_store_up", "synchub_intake_unavailable_total", "synchub_sla_breaches_total", "synchub_dead_letters", "synchub_poll_age_seconds", "synchub_outbox_oldest_age_seconds"];
        Assert.All(alerted, name => Assert.Contains(ruleExprs, e => e.Contains(name, StringComparison.Ordinal)));
        Assert.Contains("synchub_outbox_oldest_age_seconds{otel_scope_name=\"SyncHub\",notifier=\"RocketChat\"}", scrape, StringComparison.Ordinal);
        Assert.Contains("synchub_poll_age_seconds{otel_scope_name=\"SyncHub\",source=\"Freshcaller\"}", scrape, StringComparison.Ordinal);
    }

    /// <summary>The value of <paramref name="series"/> (name and labels exactly) in a Prometheus scrape.</summary>
    internal static double Value(string scrape, string series)
    {
        var line = scrape.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"{series} is not in /metrics");
        return double.Parse(line[(series.Length + 1)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
