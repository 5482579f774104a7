using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SyncHub.Domain;
using static Microsoft.Playwright.Assertions;

namespace SyncHub.Dashboard.Tests;

/// <summary>
/// Working a queue: the views with their live counts in the side bar, and the keyboard (j/k, o, r, a, x, /, ?, Escape).
/// A hub of its own, so the views' counts are exactly this class's tickets.
/// </summary>
public sealed class QueueKeyboardTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private DashboardHub Hub => fixture.Hub;

    private static string Num(Ticket ticket) => ticket.Number.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task MineView_WorkedByKeyboard_OpensRepliesTicksAndShowsTheKeys()
    {
        var first = await Hub.SubmitFormAsync("Mine: printer offline", "The printer is offline.");
        var second = await Hub.SubmitFormAsync("Mine: license renewal", "Please renew our license.");
        var unassigned = await Hub.SubmitFormAsync("Mine: not yet taken", "Nobody took this one.");
        await Hub.ActAsync(DashboardHub.BenKey, first.Id, "assign", new { });
        await Hub.ActAsync(DashboardHub.BenKey, second.Id, "assign", new { });
        await using var dashboard = await fixture.OpenAsync(key: DashboardHub.BenKey);
        await Expect(dashboard.SignedIn).ToHaveTextAsync("Signed in as Ben Lima (agent)");

        // The other test of this hub may have given Ben one more ticket: the counts are the hub's own.
        var mine = await CountAsync("mine");
        Assert.True(mine >= 2, $"Ben's view counts {mine}");
        await Expect(dashboard.View("mine").Locator(".view-count")).ToHaveTextAsync(mine.ToString(CultureInfo.InvariantCulture));
        await Expect(dashboard.View("unassigned").Locator(".view-count")).ToHaveTextAsync((await CountAsync("unassigned")).ToString(CultureInfo.InvariantCulture));
        await dashboard.View("mine").ClickAsync();
        await Expect(dashboard.Page).ToHaveURLAsync(new Regex("[?&]view=mine"));
        await Expect(dashboard.View("mine")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(dashboard.Rows).ToHaveCountAsync(mine);
        await Expect(dashboard.Row(first)).ToBeVisibleAsync();
        await Expect(dashboard.Row(second)).ToBeVisibleAsync();
        await Expect(dashboard.Row(unassigned)).ToHaveCountAsync(0);
        var order = await dashboard.NumbersAsync();

        var keyboard = dashboard.Page.Keyboard;
        await keyboard.PressAsync("j");
        await Expect(dashboard.Rows.Nth(0)).ToHaveClassAsync(new Regex("is-cursor"));
        await keyboard.PressAsync("j");
        await Expect(dashboard.Rows.Nth(1)).ToHaveClassAsync(new Regex("is-cursor"));
        await keyboard.PressAsync("k");
        await Expect(dashboard.Rows.Nth(0)).ToHaveClassAsync(new Regex("is-cursor"));
        await keyboard.PressAsync("o");
        await Expect(dashboard.Panel).ToHaveAttributeAsync("data-number", order[0].ToString(CultureInfo.InvariantCulture));

        await keyboard.PressAsync("r");
        await FocusAssertions.ExpectFocusedAsync(dashboard.ReplyText);
        await keyboard.TypeAsync("On it: j and k typed here move nothing.");
        await Expect(dashboard.Rows.Nth(0)).ToHaveClassAsync(new Regex("is-cursor"));
        await keyboard.PressAsync("Control+Enter");
        await Expect(dashboard.Conversation.Locator("[data-type='reply'] blockquote")).ToHaveTextAsync("On it: j and k typed here move nothing.");

        // Escape leaves the reply box, a second Escape closes the ticket; j then Enter opens the next one.
        await keyboard.PressAsync("Escape");
        await keyboard.PressAsync("Escape");
        await Expect(dashboard.Panel).ToBeHiddenAsync();
        // The answered ticket's SLA moved on to its resolution target, so the list (by SLA due) may have changed order:
        // the cursor stays on the ticket, k and j move from there.
        var cursor = dashboard.Page.Locator("#tickets tbody tr.is-cursor");
        await Expect(cursor).ToHaveAttributeAsync("data-number", order[0].ToString(CultureInfo.InvariantCulture));
        await keyboard.PressAsync("k");
        await keyboard.PressAsync("j");
        await keyboard.PressAsync("j");
        var last = (await dashboard.NumbersAsync())[^1].ToString(CultureInfo.InvariantCulture);
        await Expect(cursor).ToHaveAttributeAsync("data-number", last);
        await keyboard.PressAsync("Enter");
        await Expect(dashboard.Panel).ToHaveAttributeAsync("data-number", last);
        await keyboard.PressAsync("Escape");
        await Expect(dashboard.Panel).ToBeHiddenAsync();

        await keyboard.PressAsync("x");
        await Expect(cursor.Locator(".row-check")).ToBeCheckedAsync();
        await Expect(dashboard.BulkBar).ToContainTextAsync("1 selected");
        await keyboard.PressAsync("x");
        await Expect(cursor.Locator(".row-check")).Not.ToBeCheckedAsync();

        await keyboard.PressAsync("?");
        var help = dashboard.Page.Locator("#help-dialog");
        await Expect(help).ToBeVisibleAsync();
        await Expect(help).ToContainTextAsync("Assign the ticket to me");
        await keyboard.PressAsync("Escape");
        await Expect(help).ToBeHiddenAsync();

        await keyboard.PressAsync("/");
        await FocusAssertions.ExpectFocusedAsync(dashboard.Search);
        await keyboard.TypeAsync("printer");
        await Expect(dashboard.Search).ToHaveValueAsync("printer");
        await Expect(dashboard.Page).ToHaveURLAsync(new Regex("q=printer"));
        await Expect(dashboard.Rows).ToHaveCountAsync(1);
        await Expect(dashboard.Row(first)).ToBeVisibleAsync();
        await Expect(dashboard.Page).ToHaveURLAsync(new Regex("view=mine"));
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task AssignKey_OnTheUnassignedView_TakesTheTicketAndTheCountsFollow()
    {
        var ticket = await Hub.SubmitFormAsync("Take: the only unassigned one", "Take me.");
        await using var dashboard = await fixture.OpenAsync("view=unassigned", key: DashboardHub.BenKey);
        await Expect(dashboard.View("unassigned")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(dashboard.Row(ticket)).ToBeVisibleAsync();
        var mineBefore = int.Parse(await dashboard.View("mine").Locator(".view-count").TextContentAsync() ?? "0", CultureInfo.InvariantCulture);

        await dashboard.Page.Keyboard.PressAsync("j");
        await Expect(dashboard.Rows.First).ToHaveClassAsync(new Regex("is-cursor"));
        var number = await dashboard.Rows.First.GetAttributeAsync("data-number");
        await dashboard.Page.Keyboard.PressAsync("a");

        await Expect(dashboard.Page.Locator("#notice")).ToHaveTextAsync($"#{number} assigned to you");
        await Expect(dashboard.Page.Locator($"#tickets tbody tr[data-number='{number}']")).ToHaveCountAsync(0);
        await Expect(dashboard.View("mine").Locator(".view-count")).ToHaveTextAsync((mineBefore + 1).ToString(CultureInfo.InvariantCulture));

        // Back returns to the view before, with its list.
        await dashboard.View("mine").ClickAsync();
        await Expect(dashboard.Page.Locator($"#tickets tbody tr[data-number='{number}']")).ToBeVisibleAsync();
        await dashboard.Page.GoBackAsync();
        await Expect(dashboard.View("unassigned")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(dashboard.Page.Locator($"#tickets tbody tr[data-number='{number}']")).ToHaveCountAsync(0);
        Assert.Empty(dashboard.Errors);
    }

    /// <summary>A view's count as the hub answers it to Ben.</summary>
    private async Task<int> CountAsync(string view)
    {
        using var response = await Hub.SendAsync(HttpMethod.Get, "/api/views", key: DashboardHub.BenKey);
        response.EnsureSuccessStatusCode();
        using var body = await System.Text.Json.JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return body.RootElement.GetProperty("items").EnumerateArray().Single(v => v.GetProperty("id").GetString() == view).GetProperty("count").GetInt32();
    }
}
