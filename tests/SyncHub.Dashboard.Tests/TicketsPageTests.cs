using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace SyncHub.Dashboard.Tests;

public sealed class TicketsPageTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private DashboardHub Hub => fixture.Hub;

    [Fact]
    public async Task TicketsPage_WebFormAndInternalTickets_AreListedNewestFirstByCreatedWithTheirFields()
    {
        var web = await Hub.SubmitFormAsync("Listing: cannot log in", "The desktop app says my password is wrong.");
        var internalRequest = await Hub.CreateInternalAsync("Listing: invoice copy", "Please send the October invoice again.");

        await using var dashboard = await fixture.OpenAsync("sort=created");

        var webRow = dashboard.Row(web);
        await Expect(webRow).ToContainTextAsync($"#{web.Number}");
        await Expect(webRow).ToContainTextAsync("Listing: cannot log in");
        await Expect(webRow.Locator("[data-channel='Web']")).ToHaveAttributeAsync("title", "Channel: Web");
        await Expect(webRow).ToContainTextAsync("Ana Souza");
        await Expect(webRow).ToContainTextAsync("ACME Ltda · Gold · Active");
        await Expect(webRow).ToContainTextAsync("High");
        await Expect(webRow).ToContainTextAsync("Paid Support");
        await Expect(webRow).ToContainTextAsync("Open");
        await Expect(webRow.Locator(".sla")).ToContainTextAsync("first response");

        var internalRow = dashboard.Row(internalRequest);
        await Expect(internalRow.Locator("[data-channel='Internal']")).ToContainTextAsync("Internal");
        await Expect(internalRow).ToContainTextAsync("Bruno Lima");
        await Expect(internalRow).ToContainTextAsync("no CRM account");
        await Expect(internalRow).ToContainTextAsync("Community");
        await Expect(internalRow.Locator(".sla")).ToHaveTextAsync("Best effort");

        var numbers = await dashboard.Rows.EvaluateAllAsync<long[]>("rows => rows.map(r => Number(r.dataset.number))");
        Assert.Equal(numbers.OrderByDescending(n => n), numbers);
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Filters_ChannelStatusPriorityDepartment_ShowOnlyMatchingTicketsAndStayInTheUrl()
    {
        var web = await Hub.SubmitFormAsync("Filters: web high", "Web form, paid account.", priority: "High");
        var internalLow = await Hub.CreateInternalAsync("Filters: internal low", "Community request.", priority: "Low");
        var pending = await Hub.CreateInternalAsync("Filters: internal pending", "Waiting on the customer.", priority: "Medium");
        await Hub.SetStatusAsync(pending.Id, "Pending");

        await using var dashboard = await fixture.OpenAsync();
        await Expect(dashboard.Row(web)).ToBeVisibleAsync();

        await dashboard.SelectFilterAsync("channel", "Internal");
        await Expect(dashboard.Row(web)).ToHaveCountAsync(0);
        await Expect(dashboard.Row(internalLow)).ToBeVisibleAsync();
        await Expect(dashboard.Page).ToHaveURLAsync(new Regex("channel=Internal"));
        await Expect(dashboard.Rows.Locator("[data-channel]:not([data-channel='Internal'])")).ToHaveCountAsync(0);

        await dashboard.SelectFilterAsync("status", "Pending");
        await Expect(dashboard.Row(internalLow)).ToHaveCountAsync(0);
        await Expect(dashboard.Row(pending)).ToBeVisibleAsync();
        await Expect(dashboard.Row(pending)).ToContainTextAsync("Pending");

        await dashboard.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await Expect(dashboard.Row(web)).ToBeVisibleAsync();
        await dashboard.SelectFilterAsync("priority", "Low");
        await Expect(dashboard.Row(internalLow)).ToBeVisibleAsync();
        await Expect(dashboard.Row(web)).ToHaveCountAsync(0);
        await Expect(dashboard.Row(pending)).ToHaveCountAsync(0);

        await dashboard.SelectFilterAsync("priority", "");
        await dashboard.SelectFilterAsync("department", "PaidSupport");
        await Expect(dashboard.Row(web)).ToBeVisibleAsync();
        await Expect(dashboard.Row(internalLow)).ToHaveCountAsync(0);

        // A reload keeps the filters (they live in the URL).
        await dashboard.Page.ReloadAsync();
        await Expect(dashboard.Page.Locator("#filters select[name='department']")).ToHaveValueAsync("PaidSupport");
        await Expect(dashboard.Row(web)).ToBeVisibleAsync();
        await Expect(dashboard.Row(internalLow)).ToHaveCountAsync(0);
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task TicketsPage_NewTicketArrives_AppearsWithoutReloadKeepingFiltersAndOpenTicket()
    {
        var first = await Hub.SubmitFormAsync("Live: first", "Already there.", priority: "High");
        await using var dashboard = await fixture.OpenAsync("priority=High&sort=created");
        await dashboard.OpenTicketAsync(first);
        await dashboard.Page.EvaluateAsync("() => { window.__sameDocument = 'yes'; }");

        var arrived = await Hub.SubmitFormAsync("Live: arrived while watching", "Came in after the page loaded.", priority: "High");
        var low = await Hub.CreateInternalAsync("Live: low priority", "Filtered out.", priority: "Low");

        await Expect(dashboard.Row(arrived)).ToBeVisibleAsync();
        await Expect(dashboard.Rows.First).ToHaveAttributeAsync("data-number", arrived.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(dashboard.Row(low)).ToHaveCountAsync(0);
        await Expect(dashboard.Page.Locator("#filters select[name='priority']")).ToHaveValueAsync("High");
        await Expect(dashboard.Panel).ToHaveAttributeAsync("data-number", first.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("yes", await dashboard.Page.EvaluateAsync<string>("() => window.__sameDocument"));
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Pager_OlderAndNewer_FollowTheApiCursor()
    {
        for (var i = 0; i < 5; i++)
        {
            await Hub.CreateInternalAsync($"Paging {i}", "One of several.");
        }

        await using var dashboard = await fixture.OpenAsync("limit=2&sort=created");
        await Expect(dashboard.Rows).ToHaveCountAsync(2);
        var firstPage = await Numbers(dashboard);
        await Expect(dashboard.Page.Locator("#newer")).ToBeDisabledAsync();

        await dashboard.Page.Locator("#older").ClickAsync();
        await Expect(dashboard.Page.Locator("#page-info")).ToHaveTextAsync("Page 2");
        await Expect(dashboard.Rows.First).Not.ToHaveAttributeAsync("data-number", firstPage[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        var secondPage = await Numbers(dashboard);
        Assert.True(secondPage.Max() < firstPage.Min(), $"page 2 ({string.Join(",", secondPage)}) is older than page 1 ({string.Join(",", firstPage)})");

        await dashboard.Page.Locator("#newer").ClickAsync();
        await Expect(dashboard.Page.Locator("#page-info")).ToHaveTextAsync("Page 1");
        await Expect(dashboard.Rows.First).ToHaveAttributeAsync("data-number", firstPage[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(dashboard.Errors);
    }

    private static async Task<long[]> Numbers(DashboardPage dashboard) =>
        await dashboard.Rows.EvaluateAllAsync<long[]>("rows => rows.map(r => Number(r.dataset.number))");
}
