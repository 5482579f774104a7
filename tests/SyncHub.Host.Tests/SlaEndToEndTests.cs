using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Testing.Doubles;

namespace SyncHub.Host.Tests;

/// <summary>SLA stamping and breaches through the real host, with the CRM directory filled as a sync would.</summary>
[Collection(MetricsCollection.Name)]
public sealed class SlaEndToEndTests
{
    // Monday 30 November 2026, 14:00 in São Paulo (UTC-3): inside the 12x5 support hours.
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 17, 0, 0, TimeSpan.Zero);

    private static async Task<(HubServer Hub, FakeTimeProvider Clock)> StartAsync()
    {
        var clock = new FakeTimeProvider(Monday);
        var hub = await HubServer.StartAsync(
            new() { ["SyncHub:SlaMonitor:Interval"] = "00:00:05" },
            services => services.AddSingleton<TimeProvider>(clock));
        var directory = hub.App.Services.GetRequiredService<IAccountDirectoryStore>();
        await directory.UpsertAsync(
            [
                new CrmAccount("acc-gold", "ACME Ltda", "Gold", "Active", null, ["acme.example"], [], Monday.AddDays(-30)),
                new CrmAccount("acc-trial", "Trialco", "Silver", "Trial", null, ["trialco.example"], [], Monday.AddDays(-3)),
            ],
            [new CrmContact("c-1", "acc-gold", "ana@acme.example", null, "Ana", Monday.AddDays(-30))]);
        return (hub, clock);
    }

    private static Dictionary<string, object?> Form(string email, string priority, string id) => new()
    {
        ["name"] = "Requester",
        ["email"] = email,
        ["subject"] = "Chat is slow",
        ["message"] = "Messages take a minute to arrive.",
        ["priority"] = priority,
        ["submissionId"] = id,
    };

    [Fact]
    public async Task WebForm_PaidCustomer_IsPaidSupportWithItsPlanTargetsAndTheWhy()
    {
        var (hub, _) = await StartAsync();
        await using var _ = hub;

        using var response = await hub.Client.SendAsync(hub.Form(Form("ana@acme.example", "High", "paid-1")));
        var ticket = await hub.TicketAsync((await hub.JsonAsync(response)).GetProperty("id").GetString()!);

        Assert.Equal(Department.PaidSupport, ticket.Department);
        Assert.Equal(new AccountSnapshot("acc-gold", "ACME Ltda", "Gold", "Active"), ticket.Account);
        Assert.Equal(Monday.AddMinutes(30), ticket.Sla!.FirstResponseDueAt);
        Assert.Equal("24x7", ticket.Sla.Clock);
        var stamp = Assert.Single(ticket.History, h => h.Type == HistoryTypes.SlaStamped);
        Assert.Contains("Gold", stamp.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebForm_TrialAndStranger_AreTrialsAndCommunityWithoutDueTimes()
    {
        var (hub, _) = await StartAsync();
        await using var _ = hub;

        using var trial = await hub.Client.SendAsync(hub.Form(Form("bob@trialco.example", "High", "trial-1")));
        using var stranger = await hub.Client.SendAsync(hub.Form(Form("someone@gmail.com", "High", "stranger-1")));
        var trialTicket = await hub.TicketAsync((await hub.JsonAsync(trial)).GetProperty("id").GetString()!);
        var strangerTicket = await hub.TicketAsync((await hub.JsonAsync(stranger)).GetProperty("id").GetString()!);

        Assert.Equal(Department.Trials, trialTicket.Department);
        Assert.Null(trialTicket.Sla?.FirstResponseDueAt);
        Assert.Equal(Department.Community, strangerTicket.Department);
        Assert.Null(strangerTicket.Account);
        Assert.Null(strangerTicket.Sla?.FirstResponseDueAt);
        Assert.Contains(strangerTicket.History, h => h.Message.Contains("not in the CRM directory", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Clock_PassesTheDueInstant_TheBreachShowsInTheApiAndTheMetrics()
    {
        var (hub, clock) = await StartAsync();
        await using var _ = hub;
        using var created = await hub.Client.SendAsync(hub.Form(Form("ana@acme.example", "High", "breach-1")));
        var id = (await hub.JsonAsync(created)).GetProperty("id").GetString()!;

        clock.Advance(TimeSpan.FromMinutes(31));
        await Eventually.WaitUntilAsync(() => hub.TicketAsync(id).Result.Sla!.FirstResponseBreached);

        using var breached = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/tickets?breached=true"));
        using var fine = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/tickets?breached=false"));
        Assert.Equal(HttpStatusCode.OK, breached.StatusCode);
        var items = (await hub.JsonAsync(breached)).GetProperty("items");
        Assert.Equal(id, Assert.Single(items.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(0, (await hub.JsonAsync(fine)).GetProperty("items").GetArrayLength());
        var scrape = await hub.Client.GetStringAsync("/metrics");
        Assert.Contains(
            "synchub_sla_breaches_total{otel_scope_name=\"SyncHub\",department=\"PaidSupport\",priority=\"High\",target=\"first_response\"} 1",
            scrape,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_PendingAcrossTheDueInstant_DoesNotBreachAndResumesWithTheRemainingTime()
    {
        var (hub, clock) = await StartAsync();
        await using var _ = hub;
        using var created = await hub.Client.SendAsync(hub.Form(Form("ana@acme.example", "High", "pause-1")));
        var id = (await hub.JsonAsync(created)).GetProperty("id").GetString()!;

        clock.Advance(TimeSpan.FromMinutes(10));
        using (await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/status", new { status = "Pending" })))
        {
        }

        clock.Advance(TimeSpan.FromHours(2));
        using (await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/status", new { status = "Open" })))
        {
        }

        var ticket = await hub.TicketAsync(id);
        Assert.False(ticket.Sla!.FirstResponseBreached);
        Assert.False(ticket.Sla.Paused);
        Assert.Equal(Monday.AddMinutes(10 + 120 + 20), ticket.Sla.FirstResponseDueAt);
    }
}
