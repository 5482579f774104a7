using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SyncHub.Domain;
using static Microsoft.Playwright.Assertions;

namespace SyncHub.Dashboard.Tests;

public sealed class TicketViewTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private DashboardHub Hub => fixture.Hub;

    [Fact]
    public async Task TicketView_WebFormTicket_ShowsChannelSlaStampWhyRoutingHistoryAndDiagnostics()
    {
        var ticket = await Hub.SubmitFormAsync("View: app crashes on start", "Since 6.4.1 the app closes right after the splash screen.");
        await using var dashboard = await fixture.OpenAsync();

        await dashboard.OpenTicketAsync(ticket);

        await Expect(dashboard.Panel.Locator("#ticket-title")).ToHaveTextAsync("View: app crashes on start");
        var summary = dashboard.PanelSection("Summary");
        await Expect(summary.Locator("[data-channel='Web']")).ToContainTextAsync("Web");
        await Expect(summary).ToContainTextAsync($"via {ticket.Source} · {ticket.ExternalId}");
        await Expect(summary).ToContainTextAsync("ACME Ltda (CRM 4200001)");
        await Expect(summary).ToContainTextAsync("Paid Support");

        var sla = dashboard.PanelSection("SLA");
        await Expect(sla).ToContainTextAsync(ticket.Sla!.Policy);
        await Expect(sla).ToContainTextAsync(ticket.Sla.Reason!);
        await Expect(sla).ToContainTextAsync(ticket.Sla.Clock!);
        await Expect(sla).ToContainTextAsync("30m, due");

        await Expect(dashboard.Conversation.Locator("[data-type='created']")).ToContainTextAsync("closes right after the splash screen");
        var diagnostics = dashboard.PanelSection("Diagnostics");
        await Expect(diagnostics).ToContainTextAsync("Client version");
        await Expect(diagnostics).ToContainTextAsync("6.4.1");
        await Expect(diagnostics).ToContainTextAsync("Product");

        var history = dashboard.Conversation;
        await Expect(history.Locator("[data-type='created']")).ToContainTextAsync("Created from Web");
        await Expect(history.Locator("[data-type='routed']")).ToContainTextAsync("Department PaidSupport");
        await Expect(history.Locator("[data-type='sla']")).ToContainTextAsync(ticket.Sla.Policy);
        await dashboard.ScreenshotAsync("ticket-view.png");
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task TicketView_AppReviewDiagnostics_ShowFriendlyLabelsAndUnknownKeys()
    {
        var review = await Hub.ReviewAsync(
            "★☆☆☆☆ Notifications stopped",
            "After the update I get no push notifications at all.",
            new Dictionary<string, string>
            {
                ["appVersion"] = "4.39.0-beta",
                ["platform"] = "Android",
                ["device"] = "Pixel 8",
                ["rating"] = "1",
                ["affectedUsers"] = "12",
                ["storeRegion"] = "BR",
            });
        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{review.Number}");

        var diagnostics = dashboard.PanelSection("Diagnostics");
        foreach (var text in new[] { "App version", "4.39.0-beta", "Platform", "Android", "Device", "Pixel 8", "Rating", "Affected users", "12", "Store region", "BR" })
        {
            await Expect(diagnostics).ToContainTextAsync(text);
        }

        await Expect(dashboard.PanelSection("Summary").Locator("[data-channel='AppReview']")).ToContainTextAsync("App review");
        await Expect(dashboard.PanelSection("SLA")).ToContainTextAsync("Best effort");
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task SetStatus_PendingFromTheView_ApiSaysPendingAndThePageShowsPaused()
    {
        var ticket = await Hub.SubmitFormAsync("Status: waiting on logs", "Will send the server logs tomorrow.");
        await using var dashboard = await fixture.OpenAsync(key: DashboardHub.MariaKey);
        await dashboard.OpenTicketAsync(ticket);

        await dashboard.Panel.GetByRole(AriaRole.Button, new() { Name = "Pending (pauses the SLA)" }).ClickAsync();

        await Expect(dashboard.PanelSection("Summary")).ToContainTextAsync("Pending");
        await Expect(dashboard.Panel.Locator("h3 .sla")).ToContainTextAsync("Paused");
        await Expect(dashboard.Conversation.Locator("[data-type='status']")).ToContainTextAsync("SLA clock paused");
        await Expect(dashboard.Row(ticket)).ToContainTextAsync("Pending");
        await Expect(dashboard.Row(ticket).Locator(".sla")).ToContainTextAsync("Paused");
        var stored = await Hub.TicketAsync(ticket.Id);
        Assert.Equal(TicketStatus.Pending, stored.Status);
        Assert.True(stored.Sla!.Paused);
        Assert.Equal("Maria Alves", stored.History.Single(h => h.Type == HistoryTypes.StatusChanged).Data!["by"]);
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Reply_FromTheView_ReachesTheApiAndTheHistory()
    {
        var ticket = await Hub.SubmitFormAsync("Reply: password reset", "The reset link expired.");
        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{ticket.Number}");

        var form = await dashboard.ReplyAsync("Hi Ana, I sent you a new link; it is valid for 24 hours.");

        var entry = dashboard.Conversation.Locator("[data-type='reply']");
        await Expect(entry).ToContainTextAsync("To e-mail to ana@acme.example");
        await Expect(entry.Locator(".delivery")).ToHaveAttributeAsync("data-state", new Regex("^(Queued|Sent)$"));
        await Expect(entry.Locator("blockquote")).ToHaveTextAsync("Hi Ana, I sent you a new link; it is valid for 24 hours.");
        await Expect(form.GetByLabel("Message")).ToHaveValueAsync("");
        var stored = await Hub.TicketAsync(ticket.Id);
        Assert.Equal("Hi Ana, I sent you a new link; it is valid for 24 hours.", stored.History.Single(h => h.Type == HistoryTypes.Reply).Data!["message"]);
        Assert.NotNull(stored.Sla!.FirstRespondedAt);
        await Expect(dashboard.Panel.Locator("h3 .sla")).Not.ToContainTextAsync("first response");
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Reply_TicketWithoutEmail_ShowsTheApiProblemDetailNextToTheForm()
    {
        var ticket = await Hub.CreateInternalAsync("Reply error: no address", "The requester left no e-mail.");
        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{ticket.Number}");

        var form = await dashboard.ReplyAsync("Hello?");

        await Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("replies to Internal tickets go by e-mail, and this requester has no address");
        await Expect(form.GetByLabel("Message")).ToHaveValueAsync("Hello?");
    }

    [Fact]
    public async Task Escalate_ToDevelopersFromTheView_AssignsAndRecordsTheNote()
    {
        var ticket = await Hub.SubmitFormAsync("Escalate: crash on login", "Crashes every time.");
        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{ticket.Number}");
        var form = dashboard.ActionForm("Escalate");

        await form.GetByLabel("Team").SelectOptionAsync("developers");
        await form.GetByLabel("Responsible (chat user name)").FillAsync("joao.dev");
        await form.GetByLabel("Note").FillAsync("Reproduced on 6.4.1, logs attached");
        await form.GetByRole(AriaRole.Button, new() { Name = "Escalate" }).ClickAsync();

        var entry = dashboard.Conversation.Locator("[data-type='escalated']");
        await Expect(entry).ToContainTextAsync("Escalated to developers: @joao.dev");
        await Expect(entry).ToContainTextAsync("Reproduced on 6.4.1, logs attached");
        await Expect(dashboard.Row(ticket)).ToContainTextAsync("developers");
        await Expect(dashboard.Row(ticket)).ToContainTextAsync("@joao.dev");
        var stored = await Hub.TicketAsync(ticket.Id);
        Assert.Equal("developers", stored.Team);
        Assert.Equal("joao.dev", stored.Assignee);
        Assert.Equal("Reproduced on 6.4.1, logs attached", stored.History.Single(h => h.Type == HistoryTypes.Escalated).Data!["note"]);
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task FollowUp_OnAClosedTicket_RoundTripsThroughTheApi()
    {
        var ticket = await Hub.SubmitFormAsync("Follow-up: SSO loop", "Login loops back to the SSO page.");
        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{ticket.Number}");
        var form = dashboard.ActionForm("Follow-up review");
        await Expect(form).ToBeHiddenAsync();

        await dashboard.Panel.GetByRole(AriaRole.Button, new() { Name = "Closed", Exact = true }).ClickAsync();
        await Expect(form).ToBeVisibleAsync();

        await form.GetByLabel("Bug", new() { Exact = true }).SelectOptionAsync("Known");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record follow-up" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Alert)).ToHaveTextAsync("bugLink: is required when the problem is a known or new bug");

        await form.GetByLabel("Documentation", new() { Exact = true }).SelectOptionAsync("Improve");
        await form.GetByLabel("Documentation link").FillAsync("https://docs.example.com/sso");
        await form.GetByLabel("Bug link").FillAsync("https://github.com/example/app/issues/42");
        await form.GetByLabel("Feature", new() { Exact = true }).SelectOptionAsync("NewRequest");
        await form.GetByLabel("Feature request link").FillAsync("https://features.example.com/123");
        await form.GetByLabel("Note").FillAsync("Docs miss the IdP clock-skew setting");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record follow-up" }).ClickAsync();

        var entry = dashboard.Conversation.Locator("[data-type='follow-up']");
        await Expect(entry).ToContainTextAsync("Follow-up: documentation Improve, bug Known, feature NewRequest");
        await Expect(entry.GetByRole(AriaRole.Link, new() { Name = "https://github.com/example/app/issues/42" })).ToHaveAttributeAsync("href", "https://github.com/example/app/issues/42");
        await Expect(form.GetByRole(AriaRole.Alert)).ToBeHiddenAsync();
        var stored = await Hub.TicketAsync(ticket.Id);
        Assert.Equal(TicketStatus.Closed, stored.Status);
        var data = stored.History.Single(h => h.Type == HistoryTypes.FollowUp).Data!;
        Assert.Equal("Improve", data["documentation"]);
        Assert.Equal("https://docs.example.com/sso", data["documentationLink"]);
        Assert.Equal("Known", data["bug"]);
        Assert.Equal("https://features.example.com/123", data["featureRequestLink"]);
        Assert.Equal("Docs miss the IdP clock-skew setting", data["note"]);
        Assert.Equal(ticket.Number.ToString(CultureInfo.InvariantCulture), await dashboard.Panel.GetAttributeAsync("data-number"));
    }
}
