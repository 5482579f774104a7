using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SyncHub.Domain;
using static Microsoft.Playwright.Assertions;

namespace SyncHub.Dashboard.Tests;

public sealed class SlaDisplayTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private DashboardHub Hub => fixture.Hub;

    private DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task SlaCell_EachState_ShowsCountdownAtRiskBreachedPausedAndBestEffort()
    {
        var running = await PaidAsync("SLA: running");
        var atRisk = await Hub.ChangeSlaAsync((await PaidAsync("SLA: at risk")).Id, s => s with { FirstResponseDueAt = Now.AddMinutes(10), FirstResponseAtRiskAt = Now.AddMinutes(-1) });
        var overdue = await Hub.ChangeSlaAsync((await PaidAsync("SLA: overdue")).Id, s => s with { FirstResponseDueAt = Now.AddMinutes(-5) });
        var flagged = await Hub.ChangeSlaAsync((await PaidAsync("SLA: flagged")).Id, s => s with { FirstResponseBreached = true });
        var paused = await Hub.SetStatusAsync((await PaidAsync("SLA: paused")).Id, "Pending");
        var resolution = await Hub.ChangeSlaAsync((await PaidAsync("SLA: resolution")).Id, s => s with { FirstRespondedAt = Now, ResolutionDueAt = Now.AddHours(2).AddMinutes(5) });
        var bestEffort = await Hub.CreateInternalAsync("SLA: best effort", "No account.");

        await using var dashboard = await fixture.OpenAsync();

        var runningCell = dashboard.Row(running).Locator(".sla");
        await Expect(runningCell).ToContainTextAsync("first response");
        await Expect(runningCell).ToHaveTextAsync(new Regex(@"^(29m|30m) \d\ds"));
        var shown = await runningCell.Locator(".sla-text").TextContentAsync();
        await Expect(runningCell.Locator(".sla-text")).Not.ToHaveTextAsync(shown!);

        await Expect(dashboard.Row(atRisk).Locator(".sla")).ToHaveClassAsync(new Regex("is-at-risk"));
        await Expect(dashboard.Row(atRisk).Locator(".sla")).ToContainTextAsync("at risk");
        await Expect(dashboard.Row(overdue).Locator(".sla")).ToHaveClassAsync(new Regex("is-breached"));
        await Expect(dashboard.Row(overdue).Locator(".sla")).ToContainTextAsync(new Regex(@"Breached · 5m \d\ds over"));
        await Expect(dashboard.Row(flagged).Locator(".sla")).ToHaveClassAsync(new Regex("is-breached"));
        await Expect(dashboard.Row(paused).Locator(".sla")).ToHaveClassAsync(new Regex("sla-paused"));
        await Expect(dashboard.Row(paused).Locator(".sla")).ToHaveTextAsync("Paused");
        await Expect(dashboard.Row(resolution).Locator(".sla")).ToContainTextAsync(new Regex(@"2h 0[45]m\s*resolution"));
        await Expect(dashboard.Row(bestEffort).Locator(".sla")).ToHaveTextAsync("Best effort");
        await Expect(dashboard.Row(running).Locator(".sla")).Not.ToHaveClassAsync(new Regex("is-at-risk|is-breached"));
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task BreachedFilter_Checked_SendsBreachedToTheApiAndShowsOnlyBreachedTickets()
    {
        var fine = await PaidAsync("Breached filter: fine");
        var overdue = await Hub.ChangeSlaAsync((await PaidAsync("Breached filter: overdue")).Id, s => s with { FirstResponseDueAt = Now.AddMinutes(-1) });
        var flagged = await Hub.ChangeSlaAsync((await PaidAsync("Breached filter: flagged")).Id, s => s with { ResolutionBreached = true });
        var bestEffort = await Hub.CreateInternalAsync("Breached filter: best effort", "No account.");
        await using var dashboard = await fixture.OpenAsync();
        await Expect(dashboard.Row(fine)).ToBeVisibleAsync();

        var request = dashboard.Page.WaitForRequestAsync(new Regex(@"/api/tickets\?.*breached=true"));
        await dashboard.Page.GetByLabel("SLA breached").CheckAsync();

        await request;
        await Expect(dashboard.Row(overdue)).ToBeVisibleAsync();
        await Expect(dashboard.Row(flagged)).ToBeVisibleAsync();
        await Expect(dashboard.Row(fine)).ToHaveCountAsync(0);
        await Expect(dashboard.Row(bestEffort)).ToHaveCountAsync(0);
        await Expect(dashboard.Page).ToHaveURLAsync(new Regex("breached=true"));
        Assert.Empty(dashboard.Errors);
    }

    private Task<Ticket> PaidAsync(string subject) =>
        Hub.SubmitFormAsync(subject, "High priority for a Gold account: 30 minutes on the 24x7 clock.", priority: "High");
}
