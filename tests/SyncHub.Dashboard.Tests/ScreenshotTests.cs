using Microsoft.Playwright;
using SyncHub.Domain;
using static Microsoft.Playwright.Assertions;

namespace SyncHub.Dashboard.Tests;

public sealed class ScreenshotTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private DashboardHub Hub => fixture.Hub;

    [Fact]
    public async Task TicketsPage_EveryChannel_ShowsItsIconAndLabelAndIsCaptured()
    {
        var now = TimeProvider.System.GetUtcNow();
        var tickets = new List<(Ticket Ticket, string Label)>
        {
            (await Hub.IntakeAsync(Channel.Internal, "Internal", "Customer asked for an invoice copy", "Please resend October's invoice.", new Requester("Initech billing", "billing@initech.example", Handle: "maria"), Priority.Low), "Internal"),
            (await Hub.IntakeAsync(Channel.AppReview, "AppFollow", "★★☆☆☆ Push notifications stopped after update", "No notifications since 4.39.", new Requester("Carla M.", Handle: "carla_m"), diagnostics: new Dictionary<string, string> { ["appVersion"] = "4.39.0-beta", ["platform"] = "Android 14", ["device"] = "Pixel 8", ["rating"] = "2" }), "App review"),
            (await Hub.IntakeAsync(Channel.Twitter, "Twitter", "@RocketChat is the cloud down?", "Our workspace answers 502 since 10 minutes.", new Requester("ACME IT", "it@acme.example", Handle: "@acme_it"), Priority.High), "Twitter/X"),
            (await Hub.IntakeAsync(Channel.Facebook, "Facebook", "How do I export my chat history?", "Looking for an export option.", new Requester("Diego Ramos", Handle: "diego.ramos")), "Facebook"),
            (await Hub.IntakeAsync(Channel.Chat, "Livechat", "Offline message: SSO login loops", "After the IdP change we loop back to the login page.", new Requester("Lena Vogel", "lena@globex.example"), Priority.Medium), "Livechat"),
            (await Hub.IntakeAsync(Channel.Email, "Email", "Re: Upgrade to 7.0 fails on MongoDB 5", "The migration stops at version 301.", new Requester("Ana Souza", "ana@acme.example"), Priority.Medium, new Dictionary<string, string> { ["messageId"] = "a1b2@acme.example", ["mailer"] = "Thunderbird 128" }), "Email"),
            (await Hub.SubmitFormAsync("Desktop app crashes on start", "Since 6.4.1 the app closes right after the splash screen.", email: "joana@acme.example", name: "Joana Reis"), "Web"),
            (await Hub.IntakeAsync(Channel.Phone, "Freshcaller", "Hotline call from +55 11 98888-7777", "Server down after reboot, 300 users cannot log in.", new Requester("Marcos Lima", Phone: "+5511988887777"), diagnostics: new Dictionary<string, string> { ["direction"] = "incoming", ["duration"] = "412", ["agent"] = "Paula", ["affectedUsers"] = "300" }), "Phone"),
        };
        await Hub.ChangeSlaAsync(tickets[2].Ticket.Id, s => s with { FirstResponseDueAt = now.AddMinutes(-7) });
        await Hub.ChangeSlaAsync(tickets[4].Ticket.Id, s => s with { FirstResponseDueAt = now.AddMinutes(35), FirstResponseAtRiskAt = now.AddMinutes(-5) });
        await Hub.SetStatusAsync(tickets[5].Ticket.Id, "Pending");
        using (await Hub.SendAsync(HttpMethod.Post, $"/api/tickets/{tickets[7].Ticket.Id}/escalate", new { team = "developers", assignee = "joao.dev", note = "Reproduced: login service fails after reboot" }))
        {
        }

        await using var dashboard = await fixture.OpenAsync(key: DashboardHub.MariaKey);

        foreach (var (ticket, label) in tickets)
        {
            var badge = dashboard.Row(ticket).Locator($"[data-channel='{ticket.Channel}']");
            await Expect(badge).ToHaveAttributeAsync("title", $"Channel: {label}");
            await Expect(badge).ToContainTextAsync(label);
            await Expect(badge.Locator("svg")).ToHaveCountAsync(1);
        }

        await dashboard.ScreenshotAsync("dashboard.png");
        await dashboard.OpenTicketAsync(tickets[7].Ticket);
        await Expect(dashboard.PanelSection("Diagnostics")).ToContainTextAsync("Affected users");
        await dashboard.Panel.Locator(".panel-body").EvaluateAsync("body => body.closest('aside').scrollTop = 0");
        await dashboard.ScreenshotAsync("dashboard-ticket.png");
        await dashboard.PanelSection("Actions").ScrollIntoViewIfNeededAsync();
        await dashboard.ScreenshotAsync("dashboard-ticket-actions.png");
        await dashboard.Conversation.Locator("ol.thread > li").Last.ScrollIntoViewIfNeededAsync();
        await dashboard.ScreenshotAsync("dashboard-ticket-history.png");
        Assert.Empty(dashboard.Errors);
    }
}
