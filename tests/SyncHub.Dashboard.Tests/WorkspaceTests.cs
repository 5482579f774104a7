using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SyncHub.Domain;
using static Microsoft.Playwright.Assertions;

namespace SyncHub.Dashboard.Tests;

/// <summary>
/// The agents' workspace in the browser: sign-in with a personal key, search, sort, bulk assignment, canned answers by
/// keyboard, the investigation checklist, corrections that re-stamp the SLA, assignment, merge, the follow-up asked on
/// Solved, the admin's canned answers, and the page at a phone's width.
/// </summary>
public sealed class WorkspaceTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private DashboardHub Hub => fixture.Hub;

    /// <summary>A word no other ticket has, so a search shows only this test's tickets.</summary>
    private static string Token() => $"zq{Guid.NewGuid():N}"[..12];

    private static string Num(Ticket ticket) => ticket.Number.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task SignIn_PersonalKey_ShowsTheAgentAndRole_SignOutForgetsTheKey()
    {
        await using var dashboard = await fixture.OpenAsync(key: DashboardHub.BenKey);

        await Expect(dashboard.SignedIn).ToHaveTextAsync("Signed in as Ben Lima (agent)");
        await Expect(dashboard.Page.GetByLabel("Available")).ToBeVisibleAsync();
        await Expect(dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Canned answers" })).ToBeHiddenAsync();

        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(dashboard.KeyDialog).ToBeVisibleAsync();
        Assert.Null(await dashboard.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('synchub.apiKey')"));

        await dashboard.EnterKeyAsync(DashboardHub.MariaKey);
        await Expect(dashboard.SignedIn).ToHaveTextAsync("Signed in as Maria Alves (admin)");
        await Expect(dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Canned answers" })).ToBeVisibleAsync();
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task SignIn_ServiceKey_SaysSoAndOffersNoAvailability()
    {
        await using var dashboard = await fixture.OpenAsync();

        await Expect(dashboard.SignedIn).ToContainTextAsync("(service key)");
        await Expect(dashboard.Page.GetByLabel("Available")).ToBeHiddenAsync();
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Availability_Toggle_IsSavedForTheSignedInAgent()
    {
        await using var dashboard = await fixture.OpenAsync(key: DashboardHub.CleoKey);
        var toggle = dashboard.Page.GetByLabel("Available");
        await Expect(toggle).ToBeVisibleAsync();
        var before = await toggle.IsCheckedAsync();

        await toggle.ClickAsync();

        await Expect(toggle).ToBeCheckedAsync(new() { Checked = !before });
        await Expect(toggle).ToBeEnabledAsync();
        using var response = await Hub.SendAsync(HttpMethod.Get, "/api/agents/me/availability", key: DashboardHub.CleoKey);
        response.EnsureSuccessStatusCode();
        var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        Assert.Equal(!before, body.RootElement.GetProperty("available").GetBoolean());
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Search_RequesterEmail_FindsTheTicket_AndReloadAndBackKeepTheSearch()
    {
        var email = $"{Token()}@globex.example";
        var wanted = await Hub.SubmitFormAsync("Search: export fails", "The CSV export stops at 1000 rows.", email: email, name: "Zoe Prado", priority: "Medium");
        var other = await Hub.SubmitFormAsync("Search: other customer", "Unrelated.", email: $"{Token()}@globex.example", name: "Yuri Prado", priority: "Medium");
        await using var dashboard = await fixture.OpenAsync(key: DashboardHub.MariaKey);
        await Expect(dashboard.Row(other)).ToBeVisibleAsync();

        await dashboard.SearchAsync(email);

        await Expect(dashboard.Row(wanted)).ToBeVisibleAsync();
        await Expect(dashboard.Rows).ToHaveCountAsync(1);
        await Expect(dashboard.Row(wanted)).ToContainTextAsync("Zoe Prado");

        await dashboard.Page.ReloadAsync();
        await Expect(dashboard.Search).ToHaveValueAsync(email);
        await Expect(dashboard.Rows).ToHaveCountAsync(1);
        await Expect(dashboard.Row(wanted)).ToBeVisibleAsync();

        await dashboard.SearchAsync("");
        await Expect(dashboard.Row(other)).ToBeVisibleAsync();
        await dashboard.Page.GoBackAsync();
        await Expect(dashboard.Search).ToHaveValueAsync(email);
        await Expect(dashboard.Rows).ToHaveCountAsync(1);
        await Expect(dashboard.Row(wanted)).ToBeVisibleAsync();
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Sort_BySlaDue_ListsTheNearestDueFirstAndTicketsWithoutSlaLast()
    {
        var token = Token();
        var low = await Hub.SubmitFormAsync($"Sort {token} low", "Low priority.", email: "lia@globex.example", name: "Lia", priority: "Low");
        var none = await Hub.CreateInternalAsync($"Sort {token} internal", "No SLA.", priority: "Low");
        var high = await Hub.SubmitFormAsync($"Sort {token} high", "High priority.", priority: "High");
        var medium = await Hub.SubmitFormAsync($"Sort {token} medium", "Medium priority.", email: "ivo@globex.example", name: "Ivo", priority: "Medium");
        var expected = (await Task.WhenAll(new[] { low, none, high, medium }.Select(t => Hub.TicketAsync(t.Id))))
            .OrderBy(t => t.Sla?.FirstResponseDueAt is null ? 1 : 0)
            .ThenBy(t => t.Sla?.FirstResponseDueAt)
            .ThenBy(t => t.Number)
            .Select(t => t.Number)
            .ToArray();
        Assert.Equal(none.Number, expected[^1]);

        await using var dashboard = await fixture.OpenAsync($"q={token}&sort=created", key: DashboardHub.MariaKey);
        await Expect(dashboard.Rows).ToHaveCountAsync(4);
        Assert.Equal(new[] { medium.Number, high.Number, none.Number, low.Number }, await dashboard.NumbersAsync());

        await dashboard.Page.Locator("#tickets th[data-sort='slaDue'] button").ClickAsync();

        await Expect(dashboard.Page.Locator("#tickets th[data-sort='slaDue']")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(dashboard.Page).Not.ToHaveURLAsync(new Regex("sort="));
        await Expect(dashboard.Rows.First).ToHaveAttributeAsync("data-number", expected[0].ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected, await dashboard.NumbersAsync());
        await Expect(dashboard.Page.Locator("#sort")).ToHaveValueAsync("slaDue");
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task BulkAssign_SeveralTickets_OneRequestEachWithItsOwnKey_AndTheRefusedOneIsListed()
    {
        var token = Token();
        var paid1 = await Hub.SubmitFormAsync($"Bulk {token} one", "Paid support.");
        var paid2 = await Hub.SubmitFormAsync($"Bulk {token} two", "Paid support.");
        var community = await Hub.CreateInternalAsync($"Bulk {token} community", "Community: Ben does not serve it.");
        await using var dashboard = await fixture.OpenAsync($"q={token}", key: DashboardHub.MariaKey);
        await Expect(dashboard.Rows).ToHaveCountAsync(3);
        var keys = new List<string>();
        dashboard.Page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/assign", StringComparison.Ordinal))
            {
                lock (keys)
                {
                    keys.Add(request.Headers["idempotency-key"]);
                }
            }
        };

        await dashboard.Page.Locator("#select-all").CheckAsync();
        await Expect(dashboard.BulkBar).ToBeVisibleAsync();
        await Expect(dashboard.BulkBar).ToContainTextAsync("3 selected");
        await dashboard.BulkBar.GetByLabel("Assign to").SelectOptionAsync(new SelectOptionValue { Label = "Ben Lima" });
        await dashboard.BulkBar.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();

        await Expect(dashboard.BulkBar.Locator(".bulk-summary")).ToHaveTextAsync("Assigned to Ben Lima: 2 done, 1 failed.");
        var failure = dashboard.BulkBar.Locator(".bulk-failures li");
        await Expect(failure).ToHaveCountAsync(1);
        await Expect(failure).ToHaveAttributeAsync("data-number", Num(community));
        await Expect(failure).ToContainTextAsync("assignee");
        Assert.Equal("ben", (await Hub.TicketAsync(paid1.Id)).Assignee);
        Assert.Equal("ben", (await Hub.TicketAsync(paid2.Id)).Assignee);
        Assert.Null((await Hub.TicketAsync(community.Id)).Assignee);
        lock (keys)
        {
            Assert.Equal(3, keys.Count);
            Assert.Equal(3, keys.Distinct().Count());
        }

        await Expect(dashboard.Row(paid1)).ToContainTextAsync("@ben");
        // The browser logs the refused request (400) and nothing else.
        Assert.All(dashboard.Errors, e => Assert.Contains("status of 400", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BulkStatus_Pending_ChangesEveryTickedTicket()
    {
        var token = Token();
        var one = await Hub.CreateInternalAsync($"Bulk status {token} one", "One.");
        var two = await Hub.CreateInternalAsync($"Bulk status {token} two", "Two.");
        var untouched = await Hub.CreateInternalAsync($"Bulk status {token} three", "Not ticked.");
        await using var dashboard = await fixture.OpenAsync($"q={token}", key: DashboardHub.MariaKey);
        await Expect(dashboard.Rows).ToHaveCountAsync(3);

        await dashboard.Row(one).Locator(".row-check").CheckAsync();
        await dashboard.Row(two).Locator(".row-check").CheckAsync();
        await Expect(dashboard.BulkBar).ToContainTextAsync("2 selected");
        await dashboard.BulkBar.GetByLabel("Status").SelectOptionAsync("Pending");
        await dashboard.BulkBar.GetByRole(AriaRole.Button, new() { Name = "Apply status" }).ClickAsync();

        await Expect(dashboard.BulkBar.Locator(".bulk-summary")).ToHaveTextAsync("Status Pending: 2 done.");
        await Expect(dashboard.Row(one)).ToContainTextAsync("Pending");
        await Expect(dashboard.Row(two)).ToContainTextAsync("Pending");
        Assert.Equal(TicketStatus.Pending, (await Hub.TicketAsync(one.Id)).Status);
        Assert.Equal(TicketStatus.Open, (await Hub.TicketAsync(untouched.Id)).Status);
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task CannedAnswer_PickedByKeyboard_FillsThePlaceholdersAndIsSentWithCtrlEnter()
    {
        var title = $"Password reset {Token()}";
        await Hub.AddCannedAnswerAsync(title, "Hello {{requester.name}}, about ticket {{ticket.number}}: use the reset link. {{agent.name}}");
        var ticket = await Hub.SubmitFormAsync("Canned: cannot log in", "Forgot my password.");
        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{ticket.Number}", key: DashboardHub.MariaKey);
        await Expect(dashboard.Panel).ToHaveAttributeAsync("data-number", Num(ticket));
        await Expect(dashboard.ReplyTarget).ToHaveAttributeAsync("data-can-reply", "true");
        var picker = dashboard.ReplyBox.GetByLabel("Canned answer");
        await Expect(picker.Locator("option", new() { HasText = title })).ToHaveCountAsync(1);
        var position = await picker.Locator("option").EvaluateAllAsync<int>($"(options, title) => options.findIndex(o => o.textContent === title)", title);

        await dashboard.Page.Keyboard.PressAsync("r");
        await FocusAssertions.ExpectFocusedAsync(dashboard.ReplyText);
        await dashboard.Page.Keyboard.PressAsync("Shift+Tab");
        await FocusAssertions.ExpectFocusedAsync(picker);
        for (var i = 0; i < position; i++)
        {
            await dashboard.Page.Keyboard.PressAsync("ArrowDown");
        }

        // The arrows only move through the answers; Enter inserts the one chosen.
        await Expect(dashboard.ReplyText).ToHaveValueAsync("");
        await dashboard.Page.Keyboard.PressAsync("Enter");

        var text = $"Hello Ana Souza, about ticket {ticket.Number}: use the reset link. Maria Alves";
        await Expect(dashboard.ReplyText).ToHaveValueAsync(text);
        await FocusAssertions.ExpectFocusedAsync(dashboard.ReplyText);
        await dashboard.Page.Keyboard.PressAsync("Control+Enter");

        await Expect(dashboard.Conversation.Locator("[data-type='reply'] blockquote")).ToHaveTextAsync(text);
        await Expect(dashboard.ReplyText).ToHaveValueAsync("");
        var stored = await Hub.TicketAsync(ticket.Id);
        Assert.Equal("Maria Alves", stored.History.Single(h => h.Type == HistoryTypes.Reply).Data!["by"]);
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Checklist_TickedAndFilled_IsSavedBesideTheDiagnosticsAndShownAfterReload()
    {
        var ticket = await Hub.SubmitFormAsync("Checklist: desktop crashes", "The app crashes on start.");
        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{ticket.Number}", key: DashboardHub.MariaKey);
        await Expect(dashboard.PanelSection("Diagnostics")).ToContainTextAsync("6.4.1");
        var checklist = dashboard.Panel.GetByRole(AriaRole.Form, new() { Name = "Investigation checklist" });
        await Expect(checklist.GetByLabel("Client and version")).ToHaveAttributeAsync("placeholder", "diagnostics say 6.4.1");

        await checklist.GetByLabel("Problem in my words").FillAsync("The desktop app 6.4.1 crashes at start for the whole office.");
        await checklist.GetByLabel("Affected users").FillAsync("40 users");
        await checklist.GetByLabel("Reproducible?").SelectOptionAsync("Reproducible");
        await checklist.GetByLabel("Reproduced on a test system").CheckAsync();
        await checklist.GetByRole(AriaRole.Button, new() { Name = "Save checklist" }).ClickAsync();

        await Expect(checklist).ToContainTextAsync("Checklist saved");
        await Expect(checklist.Locator(".checklist-progress")).ToHaveTextAsync("4 of 8");
        var saved = (await Hub.TicketJsonAsync(ticket.Id)).GetProperty("checklist");
        Assert.Equal("The desktop app 6.4.1 crashes at start for the whole office.", saved.GetProperty("problemRestated").GetString());
        Assert.Equal("40 users", saved.GetProperty("affectedUsers").GetString());
        Assert.Equal("Reproducible", saved.GetProperty("reproducibility").GetString());
        Assert.True(saved.GetProperty("reproducedOnTestSystem").GetBoolean());
        Assert.False(saved.GetProperty("solutionTested").GetBoolean());

        await dashboard.Page.ReloadAsync();
        checklist = dashboard.Panel.GetByRole(AriaRole.Form, new() { Name = "Investigation checklist" });
        await Expect(checklist.GetByLabel("Affected users")).ToHaveValueAsync("40 users");
        await Expect(checklist.GetByLabel("Reproduced on a test system")).ToBeCheckedAsync();
        await Expect(checklist.GetByLabel("Solution tested")).Not.ToBeCheckedAsync();
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Priority_Corrected_ShowsTheSlaRestampedWithItsReason()
    {
        var ticket = await Hub.SubmitFormAsync("Priority: was filed as High", "Minor cosmetic issue.", priority: "High");
        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{ticket.Number}", key: DashboardHub.MariaKey);
        var sla = dashboard.PanelSection("SLA");
        await Expect(sla).ToContainTextAsync("First response");
        await Expect(sla.Locator(".sla-restamp")).ToBeHiddenAsync();

        await dashboard.Panel.GetByLabel("Priority", new() { Exact = true }).SelectOptionAsync("Low");
        await dashboard.Panel.GetByRole(AriaRole.Button, new() { Name = "Change priority" }).ClickAsync();

        await Expect(sla.Locator(".sla-restamp")).ToContainTextAsync("Priority High → Low by Maria Alves");
        await Expect(dashboard.PanelSection("Summary")).ToContainTextAsync("Low");
        var stored = await Hub.TicketAsync(ticket.Id);
        Assert.Equal(Priority.Low, stored.Priority);
        Assert.NotEqual(ticket.Sla!.FirstResponseDueAt, stored.Sla!.FirstResponseDueAt);
        var explained = stored.History.Last(h => h.Type == "edited");
        await Expect(sla.Locator(".restamp-message")).ToHaveTextAsync(explained.Message);
        await Expect(dashboard.Row(ticket)).ToContainTextAsync("Low");
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Assign_PickerListsTheDepartmentsAgents_AssignAndUnassign()
    {
        var community = await Hub.CreateInternalAsync("Assign: community question", "Who serves Community?");
        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{community.Number}", key: DashboardHub.MariaKey);
        var work = dashboard.PanelSection("Assignment");
        var picker = work.GetByLabel("Assign to agent");
        await Expect(picker.Locator("option[value='cleo']")).ToHaveCountAsync(1);
        await Expect(picker.Locator("option[value='maria']")).ToHaveCountAsync(1);
        await Expect(picker.Locator("option[value='ben']")).ToHaveCountAsync(0);

        await picker.SelectOptionAsync("cleo");
        await work.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Expect(work).ToContainTextAsync("Cleo Costa (@cleo)");
        Assert.Equal("cleo", (await Hub.TicketAsync(community.Id)).Assignee);

        await work.GetByRole(AriaRole.Button, new() { Name = "Assign to me" }).ClickAsync();
        await Expect(work).ToContainTextAsync("Maria Alves (@maria)");

        await work.GetByRole(AriaRole.Button, new() { Name = "Unassign" }).ClickAsync();
        await Expect(work.Locator(".assignee-name")).ToHaveTextAsync("unassigned");
        Assert.Null((await Hub.TicketAsync(community.Id)).Assignee);
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Department_Moved_RestampsAndRefreshAccount_IsExplained()
    {
        var ticket = await Hub.SubmitFormAsync("Department: belongs to Trials", "Trial question.");
        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{ticket.Number}", key: DashboardHub.MariaKey);

        await dashboard.Panel.GetByLabel("Department", new() { Exact = true }).SelectOptionAsync("Trials");
        await dashboard.Panel.GetByRole(AriaRole.Button, new() { Name = "Change department" }).ClickAsync();
        await Expect(dashboard.PanelSection("SLA").Locator(".sla-restamp")).ToContainTextAsync("Department PaidSupport → Trials");
        Assert.Equal(Department.Trials, (await Hub.TicketAsync(ticket.Id)).Department);

        await dashboard.Panel.GetByRole(AriaRole.Button, new() { Name = "Refresh account" }).ClickAsync();
        await Expect(dashboard.PanelSection("SLA").Locator(".sla-restamp")).ToContainTextAsync("Account refreshed");
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Merge_IntoAnotherTicket_OpensTheSurvivor()
    {
        var survivor = await Hub.SubmitFormAsync("Merge: VPN drops", "The VPN drops every hour.");
        var duplicate = await Hub.SubmitFormAsync("Merge: VPN drops again", "Same problem, second form.");
        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{duplicate.Number}", key: DashboardHub.MariaKey);
        await Expect(dashboard.Panel).ToHaveAttributeAsync("data-number", Num(duplicate));

        await dashboard.Panel.GetByLabel("Merge into #").FillAsync(Num(survivor));
        await dashboard.Panel.GetByRole(AriaRole.Button, new() { Name = "Merge" }).ClickAsync();

        await Expect(dashboard.Panel).ToHaveAttributeAsync("data-number", Num(survivor));
        await Expect(dashboard.Page).ToHaveURLAsync(new Regex($"#/tickets/{survivor.Number}$"));
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Solved_AsksForTheFollowUpReview()
    {
        var ticket = await Hub.SubmitFormAsync("Solved: asks the follow-up", "Fixed by a restart.");
        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{ticket.Number}", key: DashboardHub.MariaKey);
        var followUp = dashboard.ActionForm("Follow-up review");
        await Expect(followUp).ToBeHiddenAsync();

        await dashboard.Panel.GetByRole(AriaRole.Button, new() { Name = "Solved", Exact = true }).ClickAsync();

        await Expect(dashboard.Panel.Locator(".follow-up-ask")).ToBeVisibleAsync();
        await Expect(followUp).ToBeVisibleAsync();
        await FocusAssertions.ExpectFocusedAsync(followUp.GetByLabel("Documentation", new() { Exact = true }));
        await followUp.GetByLabel("Bug", new() { Exact = true }).SelectOptionAsync("Known");
        await followUp.GetByLabel("Bug link").FillAsync("https://github.com/example/app/issues/7");
        await followUp.GetByRole(AriaRole.Button, new() { Name = "Record follow-up" }).ClickAsync();
        await Expect(dashboard.Panel.Locator(".follow-up-ask")).ToBeHiddenAsync();
        Assert.Contains((await Hub.TicketAsync(ticket.Id)).History, h => h.Type == HistoryTypes.FollowUp);
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task CannedAnswers_Admin_AddsEditsAndDeletes()
    {
        var title = $"Greeting {Token()}";
        await using var dashboard = await fixture.OpenAsync(key: DashboardHub.MariaKey);
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Canned answers" }).ClickAsync();
        var dialog = dashboard.Page.Locator("#canned-dialog");
        await Expect(dialog).ToBeVisibleAsync();

        await dialog.GetByLabel("Title").FillAsync(title);
        await dialog.GetByLabel("Text").FillAsync("Hi {{requester.name}}!");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add canned answer" }).ClickAsync();
        var item = dialog.Locator(".canned-list li", new() { HasText = title });
        await Expect(item).ToHaveCountAsync(1);

        await item.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await dialog.GetByLabel("Text").FillAsync("Hello {{requester.name}}!");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Add canned answer" })).ToBeVisibleAsync();
        Assert.Contains(await CannedAsync(), c => c.Title == title && c.Body == "Hello {{requester.name}}!");

        await item.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(item).ToHaveCountAsync(0);
        Assert.DoesNotContain(await CannedAsync(), c => c.Title == title);
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task NarrowScreen_420px_NoHorizontalOverflowAndTheKeyControlsVisible()
    {
        var token = Token();
        var ticket = await Hub.SubmitFormAsync($"Narrow {token} a subject long enough to wrap several times on a phone screen without cutting", "Body.");
        await using var dashboard = await fixture.OpenAsync($"q={token}", key: DashboardHub.MariaKey, width: 420, height: 860);
        await Expect(dashboard.Row(ticket)).ToBeVisibleAsync();

        Assert.True(await ScrollWidthAsync(dashboard) <= 420, $"page scrolls sideways: {await ScrollWidthAsync(dashboard)} px");
        var row = dashboard.Row(ticket);
        foreach (var control in new[] { dashboard.Search, dashboard.Page.Locator("#views-toggle"), dashboard.Page.Locator("#sort"), row.Locator(".row-check"), row.Locator("td.num a"), row.Locator("a.subject-link"), row.Locator(".sla"), row.Locator(".priority"), row.Locator(".status") })
        {
            await Expect(control).ToBeInViewportAsync();
        }

        var box = await row.Locator(".row-check").BoundingBoxAsync();
        Assert.True(box!.Width >= 18 && box.Height >= 18, $"the row's checkbox is {box.Width}x{box.Height} px");
        await Expect(dashboard.View("mine")).ToBeHiddenAsync();
        await dashboard.Page.Locator("#views-toggle").ClickAsync();
        await Expect(dashboard.View("mine")).ToBeVisibleAsync();
        Assert.True(await ScrollWidthAsync(dashboard) <= 420, $"the open menu scrolls sideways: {await ScrollWidthAsync(dashboard)} px");
        await dashboard.Page.Locator("#views-toggle").ClickAsync();
        await dashboard.Row(ticket).Locator(".row-check").CheckAsync();
        await Expect(dashboard.BulkBar).ToBeVisibleAsync();
        Assert.True(await ScrollWidthAsync(dashboard) <= 420, $"the bulk bar scrolls sideways: {await ScrollWidthAsync(dashboard)} px");
        await dashboard.ScreenshotAsync("dashboard-420px-list.png");

        await dashboard.OpenTicketAsync(ticket);
        await dashboard.ReplyText.ScrollIntoViewIfNeededAsync();
        await Expect(dashboard.ReplyText).ToBeInViewportAsync();
        Assert.True(await ScrollWidthAsync(dashboard) <= 420, $"the open ticket scrolls sideways: {await ScrollWidthAsync(dashboard)} px");
        await dashboard.ScreenshotAsync("dashboard-420px.png");
        Assert.Empty(dashboard.Errors);
    }

    private static Task<int> ScrollWidthAsync(DashboardPage dashboard) =>
        dashboard.Page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");

    private async Task<List<(string Title, string Body)>> CannedAsync()
    {
        using var response = await Hub.SendAsync(HttpMethod.Get, "/api/canned-answers", key: DashboardHub.MariaKey);
        response.EnsureSuccessStatusCode();
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return [.. body.RootElement.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("title").GetString()!, i.GetProperty("body").GetString()!))];
    }
}
