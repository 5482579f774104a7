using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Agents;
using SyncHub.Domain;
using SyncHub.Host.Auth;
using SyncHub.Storage;
using SyncHub.Workflow;

namespace SyncHub.Host.Tests;

/// <summary>
/// The workspace routes over HTTP: assign/unassign, priority and department (the SLA re-stamped), refresh-account, the
/// checklist, canned answers and availability. Every ticket route takes the id or the number and an Idempotency-Key,
/// and the history records the caller (a service key here: <c>service:api-key</c>).
/// </summary>
public sealed class WorkspaceApiTests
{
    private const string AnaKey = "ana-workspace-key-1";
    private const string BrunoKey = "bruno-workspace-key-2";
    private const string CarlaKey = "carla-workspace-key-3";

    private static Task<HubServer> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["SyncHub:Agents:ana:Name"] = "Ana Silva",
            ["SyncHub:Agents:ana:Departments:0"] = "Community",
            ["SyncHub:Agents:ana:Departments:1"] = "PaidSupport",
            ["SyncHub:Agents:ana:KeyHash"] = KeyHash.Of(AnaKey),
            ["SyncHub:Agents:bruno:Name"] = "Bruno Costa",
            ["SyncHub:Agents:bruno:Departments:0"] = "Community",
            ["SyncHub:Agents:bruno:KeyHash"] = KeyHash.Of(BrunoKey),
            ["SyncHub:Agents:paula:Name"] = "Paula Reis",
            ["SyncHub:Agents:paula:Departments:0"] = "PaidSupport",
            ["SyncHub:Agents:carla:Name"] = "Carla Dias",
            ["SyncHub:Agents:carla:Role"] = "Admin",
            ["SyncHub:Agents:carla:KeyHash"] = KeyHash.Of(CarlaKey),
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return HubServer.StartAsync(all);
    }

    /// <summary>Puts the form's requester (ana@example.com) in the CRM directory, on <paramref name="plan"/>.</summary>
    private static Task AddCustomerAsync(HubServer hub, string plan) =>
        hub.App.Services.GetRequiredService<IAccountDirectoryStore>().UpsertAsync(
            [new CrmAccount("acc-7", "Globex", plan, "Active", null, ["example.com"], [], DateTimeOffset.UnixEpoch)],
            []);

    private static async Task<Ticket> CreateAsync(HubServer hub)
    {
        using var response = await hub.Client.SendAsync(hub.Form(Forms.Valid(Guid.NewGuid().ToString("N"))));
        response.EnsureSuccessStatusCode();
        return await hub.TicketAsync((await hub.JsonAsync(response)).GetProperty("id").GetString()!);
    }

    private static HttpRequestMessage WithKey(HttpRequestMessage request, string key)
    {
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task Assign_ByNumberToANamedAgent_HoldsTheIdAndRecordsTheCaller()
    {
        await using var hub = await StartAsync();
        var ticket = await CreateAsync(hub);

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{ticket.Number}/assign", new { assignee = "Ana Silva" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await hub.TicketAsync(ticket.Id);
        Assert.Equal("ana", stored.Assignee);
        var entry = Assert.Single(stored.History, h => h.Type == WorkspaceHistoryTypes.Assigned);
        Assert.Equal("Assigned to Ana Silva (ana) by service:api-key", entry.Message);
        Assert.Equal("service:api-key", entry.Data!["by"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("paula")]
    [InlineData("nobody")]
    public async Task Assign_ServiceKeyItselfOtherDepartmentOrUnknown_Returns400NamingAssignee(string? assignee)
    {
        await using var hub = await StartAsync();
        var ticket = await CreateAsync(hub);

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{ticket.Id}/assign", new { assignee }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("assignee", (await hub.JsonAsync(response)).GetProperty("field").GetString());
        Assert.Null((await hub.TicketAsync(ticket.Id)).Assignee);
    }

    [Fact]
    public async Task Unassign_AfterReassign_RecordsEachStep()
    {
        await using var hub = await StartAsync();
        var ticket = await CreateAsync(hub);
        (await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{ticket.Id}/assign", new { assignee = "ana" }))).EnsureSuccessStatusCode();
        (await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{ticket.Id}/assign", new { assignee = "bruno" }))).EnsureSuccessStatusCode();

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/%23{ticket.Number}/unassign"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await hub.TicketAsync(ticket.Id);
        Assert.Null(stored.Assignee);
        Assert.Equal(
            ["Assigned to Ana Silva (ana) by service:api-key", "Reassigned from Ana Silva (ana) to Bruno Costa (bruno) by service:api-key", "Unassigned (was Bruno Costa (bruno)) by service:api-key"],
            stored.History.Where(h => h.Type == WorkspaceHistoryTypes.Assigned).Select(h => h.Message));
    }

    [Theory]
    [InlineData("assign", "{\"assignee\":\"ana\"}")]
    [InlineData("unassign", "{}")]
    [InlineData("priority", "{\"priority\":\"High\"}")]
    [InlineData("department", "{\"department\":\"Trials\"}")]
    [InlineData("refresh-account", "{}")]
    [InlineData("checklist", "{\"solutionTested\":true}")]
    public async Task Action_UnknownTicket_Returns404(string action, string body)
    {
        await using var hub = await StartAsync();
        using var request = hub.Api(HttpMethod.Post, $"/api/tickets/99999/{action}");
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await hub.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("priority", "{\"priority\":\"Urgent\"}", "priority")]
    [InlineData("priority", "{}", "priority")]
    [InlineData("department", "{\"department\":\"Sales\"}", "department")]
    [InlineData("checklist", "{\"reproducibility\":\"Sometimes\"}", "reproducibility")]
    [InlineData("checklist", "{\"solutionTested\":\"yes\"}", "solutionTested")]
    public async Task Action_BadField_Returns400NamingIt(string action, string body, string field)
    {
        await using var hub = await StartAsync();
        var ticket = await CreateAsync(hub);
        using var request = hub.Api(HttpMethod.Post, $"/api/tickets/{ticket.Id}/{action}");
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await hub.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await hub.JsonAsync(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Checklist_TooLong_Returns400NamingTheField()
    {
        await using var hub = await StartAsync();
        var ticket = await CreateAsync(hub);

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{ticket.Id}/checklist", new { whatChanged = new string('x', 501) }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("whatChanged", (await hub.JsonAsync(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Priority_OfAProCustomer_RestampsTheSlaAndExplainsItOnce()
    {
        await using var hub = await StartAsync();
        await AddCustomerAsync(hub, "Pro");
        var ticket = await CreateAsync(hub);
        Assert.Equal("pro-medium", ticket.Sla!.Policy);

        using var first = await hub.Client.SendAsync(WithKey(hub.Api(HttpMethod.Post, $"/api/tickets/{ticket.Number}/priority", new { priority = "High" }), "p-1"));
        using var retry = await hub.Client.SendAsync(WithKey(hub.Api(HttpMethod.Post, $"/api/tickets/{ticket.Number}/priority", new { priority = "High" }), "p-1"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var stored = await hub.TicketAsync(ticket.Id);
        Assert.Equal(Priority.High, stored.Priority);
        Assert.Equal("pro-high", stored.Sla!.Policy);
        // pro-high: 2 hours on the 24x7 clock from the creation instant.
        Assert.Equal(stored.CreatedAt.AddHours(2), stored.Sla.FirstResponseDueAt);
        var entry = Assert.Single(stored.History, h => h.Type == WorkspaceHistoryTypes.Edited);
        Assert.StartsWith("Priority Medium → High by service:api-key. SLA pro-high from ", entry.Message, StringComparison.Ordinal);
        Assert.Equal("service:api-key", entry.Data!["by"]);
        Assert.Equal(stored.Sla.FirstResponseDueAt!.Value.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture), entry.Data["firstResponseDueAt"]);
    }

    [Fact]
    public async Task Department_Change_MovesTheTicketAndRecordsIt()
    {
        await using var hub = await StartAsync();
        var ticket = await CreateAsync(hub);

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{ticket.Id}/department", new { department = "Trials" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await response.Content.ReadFromJsonAsync<Ticket>(SyncHubJson.Options);
        Assert.Equal(Department.Trials, stored!.Department);
        Assert.StartsWith($"Department {ticket.Department} → Trials by service:api-key. No SLA: best effort", stored.History[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshAccount_AccountFoundSinceCreation_ReplacesTheSnapshotAndRestamps()
    {
        await using var hub = await StartAsync();
        var ticket = await CreateAsync(hub);
        Assert.Null(ticket.Sla);
        await AddCustomerAsync(hub, "Gold");

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{ticket.Number}/refresh-account", new { }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await hub.TicketAsync(ticket.Id);
        Assert.Equal("Globex", stored.Account!.Name);
        Assert.Equal("gold-medium", stored.Sla!.Policy);
        Assert.Contains("Account no account (not in the CRM directory) → Globex (CRM acc-7), plan Gold, status Active by service:api-key. SLA gold-medium", stored.History[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checklist_PartialUpdates_AreInTheTicketJsonAndTheHistoryNamesWhatChanged()
    {
        await using var hub = await StartAsync();
        var ticket = await CreateAsync(hub);

        (await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{ticket.Id}/checklist", new { problemRestated = "Desktop app refuses a valid password", reproducibility = "Intermittent" }))).EnsureSuccessStatusCode();
        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{ticket.Number}/checklist", new { clientVersion = "Desktop 6.4.1 on Windows 11", reproducedOnTestSystem = true }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checklist = (await hub.JsonAsync(response)).GetProperty("checklist");
        Assert.Equal("Desktop app refuses a valid password", checklist.GetProperty("problemRestated").GetString());
        Assert.Equal("Intermittent", checklist.GetProperty("reproducibility").GetString());
        Assert.Equal("Desktop 6.4.1 on Windows 11", checklist.GetProperty("clientVersion").GetString());
        Assert.True(checklist.GetProperty("reproducedOnTestSystem").GetBoolean());
        Assert.False(checklist.GetProperty("solutionTested").GetBoolean());
        var stored = await hub.TicketAsync(ticket.Id);
        Assert.Equal(
            ["Checklist: problem restated, reproducibility Intermittent by service:api-key", "Checklist: client and version, reproduced on a test system by service:api-key"],
            stored.History.Where(h => h.Type == WorkspaceHistoryTypes.Checklist).Select(h => h.Message));
    }

    [Fact]
    public async Task Checklist_SameIdempotencyKeyTwice_IsRecordedOnce()
    {
        await using var hub = await StartAsync();
        var ticket = await CreateAsync(hub);

        for (var i = 0; i < 2; i++)
        {
            // The second try asks something else under the same key: the first result stands.
            using var response = await hub.Client.SendAsync(WithKey(hub.Api(HttpMethod.Post, $"/api/tickets/{ticket.Id}/checklist", new { since = i == 0 ? "Monday" : "Tuesday" }), "c-1"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var stored = await hub.TicketAsync(ticket.Id);
        Assert.Equal("Monday", stored.Checklist.Since);
        Assert.Single(stored.History, h => h.Type == WorkspaceHistoryTypes.Checklist);
    }

    [Fact]
    public async Task Assign_SameIdempotencyKeyTwice_IsRecordedOnce()
    {
        await using var hub = await StartAsync();
        var ticket = await CreateAsync(hub);

        using var first = await hub.Client.SendAsync(WithKey(hub.Api(HttpMethod.Post, $"/api/tickets/{ticket.Id}/assign", new { assignee = "ana" }), "a-1"));
        using var unassign = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{ticket.Id}/unassign", new { }));
        using var retry = await hub.Client.SendAsync(WithKey(hub.Api(HttpMethod.Post, $"/api/tickets/{ticket.Id}/assign", new { assignee = "ana" }), "a-1"));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var stored = await hub.TicketAsync(ticket.Id);
        Assert.Null(stored.Assignee);
        Assert.Equal(2, stored.History.Count(h => h.Type == WorkspaceHistoryTypes.Assigned));
    }

    [Fact]
    public async Task CannedAnswer_RenderedForATicket_FillsItsPlaceholdersAndWarnsOfTheRest()
    {
        await using var hub = await StartAsync();
        var ticket = await CreateAsync(hub);
        await hub.App.Services.GetRequiredService<ICannedAnswerStore>().AddAsync(new CannedAnswer("reset", "Password reset", "Hi {{requester.name}}, ticket #{{ticket.number}}: {{agent.name}} {{order.id}}"));

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, $"/api/tickets/{ticket.Number}/canned-answers/reset"));
        using var list = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/canned-answers"));
        using var missing = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, $"/api/tickets/{ticket.Number}/canned-answers/nope"));
        using var noTicket = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/tickets/99999/canned-answers/reset"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await hub.JsonAsync(response);
        // A service key is no agent: {{agent.name}} stays as written.
        Assert.Equal($"Hi Ana Souza, ticket #{ticket.Number}: {{{{agent.name}}}} {{{{order.id}}}}", answer.GetProperty("text").GetString());
        Assert.Equal(["agent.name", "order.id"], answer.GetProperty("unfilled").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("{{order.id}}", answer.GetProperty("warning").GetString(), StringComparison.Ordinal);
        var item = Assert.Single((await hub.JsonAsync(list)).GetProperty("items").EnumerateArray());
        Assert.Equal("Password reset", item.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noTicket.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/canned-answers")]
    [InlineData("PUT", "/api/canned-answers/reset")]
    [InlineData("DELETE", "/api/canned-answers/reset")]
    public async Task CannedAnswers_ManagedWithAServiceKey_Return403AndChangeNothing(string method, string path)
    {
        await using var hub = await StartAsync();
        await hub.App.Services.GetRequiredService<ICannedAnswerStore>().AddAsync(new CannedAnswer("reset", "Password reset", "Hi"));

        using var response = await hub.Client.SendAsync(hub.Api(new HttpMethod(method), path, method == "DELETE" ? null : new { title = "T", body = "B" }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([new CannedAnswer("reset", "Password reset", "Hi")], await hub.App.Services.GetRequiredService<ICannedAnswerStore>().ListAsync());
    }

    [Fact]
    public async Task Availability_WithAServiceKey_Returns403AndWithoutTheField400()
    {
        await using var hub = await StartAsync();

        using var get = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/agents/me/availability"));
        using var post = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/agents/me/availability", new { available = true }));
        using var empty = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/agents/me/availability", new { }));
        using var noKey = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/agents/me/availability", key: null));

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("available", (await hub.JsonAsync(empty)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }

    [Fact]
    public async Task RoundRobin_On_AssignsNewTicketsInTurnAmongTheAvailableAgentsOfTheDepartment()
    {
        await using var hub = await StartAsync(new Dictionary<string, string?> { ["SyncHub:Assignment:RoundRobin"] = "true" });
        var availability = hub.App.Services.GetRequiredService<IAgentAvailability>();
        await availability.SetAsync("ana", true);
        await availability.SetAsync("bruno", true);
        await availability.SetAsync("paula", true);

        var assignees = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var ticket = await CreateAsync(hub);
            assignees.Add((await WaitAssignedAsync(hub, ticket.Id)).Assignee);
        }

        // Form tickets without a CRM account go to Community: Ana and Bruno serve it, Paula does not.
        Assert.Equal(["ana", "bruno", "ana"], assignees);
        var last = await hub.TicketAsync((await CreateAsync(hub)).Id);
        var entry = (await WaitAssignedAsync(hub, last.Id)).History.Single(h => h.Type == WorkspaceHistoryTypes.Assigned);
        Assert.Equal("Assigned to Bruno Costa (bruno) by round-robin: turn 4 among the available agents of Community (ana, bruno)", entry.Message);
    }

    [Fact]
    public async Task RoundRobin_Off_LeavesNewTicketsUnassigned()
    {
        await using var hub = await StartAsync();
        await hub.App.Services.GetRequiredService<IAgentAvailability>().SetAsync("ana", true);

        var ticket = await CreateAsync(hub);

        Assert.Null(ticket.Assignee);
        Assert.DoesNotContain(ticket.History, h => h.Type == WorkspaceHistoryTypes.Assigned);
    }

    [Fact]
    public async Task Assign_WithoutAssigneeByAnAgent_TakesItThemselvesRecordedByName()
    {
        await using var hub = await StartAsync();
        var ticket = await CreateAsync(hub);

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{ticket.Number}/assign", new { }, BrunoKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await hub.TicketAsync(ticket.Id);
        Assert.Equal("bruno", stored.Assignee);
        var entry = Assert.Single(stored.History, h => h.Type == WorkspaceHistoryTypes.Assigned);
        Assert.Equal("Assigned to Bruno Costa (bruno) by Bruno Costa", entry.Message);
        Assert.Equal("Bruno Costa", entry.Data!["by"]);
    }

    [Fact]
    public async Task Priority_ByAnAgent_IsExplainedWithTheAgentsName()
    {
        await using var hub = await StartAsync();
        await AddCustomerAsync(hub, "Gold");
        var ticket = await CreateAsync(hub);

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{ticket.Id}/priority", new { priority = "Low" }, AnaKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = (await hub.TicketAsync(ticket.Id)).History[^1];
        Assert.StartsWith("Priority Medium → Low by Ana Silva. SLA gold-low from ", entry.Message, StringComparison.Ordinal);
        Assert.Equal("Ana Silva", entry.Data!["by"]);
    }

    [Fact]
    public async Task Availability_AnAgentMarksThemselfAvailable_AndTheRoundRobinTakesThem()
    {
        await using var hub = await StartAsync(new Dictionary<string, string?> { ["SyncHub:Assignment:RoundRobin"] = "true" });

        using var before = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/agents/me/availability", key: BrunoKey));
        using var set = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/agents/me/availability", new { available = true }, BrunoKey));
        using var after = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/agents/me/availability", key: BrunoKey));
        var ticket = await WaitAssignedAsync(hub, (await CreateAsync(hub)).Id);

        Assert.False((await hub.JsonAsync(before)).GetProperty("available").GetBoolean());
        Assert.True((await hub.JsonAsync(set)).GetProperty("available").GetBoolean());
        Assert.True((await hub.JsonAsync(after)).GetProperty("available").GetBoolean());
        Assert.Equal("bruno", ticket.Assignee);

        using var off = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/agents/me/availability", new { available = false }, BrunoKey));
        var next = await WaitAssignedAsync(hub, (await CreateAsync(hub)).Id);
        Assert.Null(next.Assignee);
        Assert.Equal("Round-robin: no available agent serves Community; left unassigned", next.History.Single(h => h.Type == WorkspaceHistoryTypes.Assigned).Message);
    }

    [Fact]
    public async Task CannedAnswers_AnAdminAddsReplacesAndRemoves_AndAnAgentReadsThemFilled()
    {
        await using var hub = await StartAsync();
        var ticket = await CreateAsync(hub);

        using var added = await hub.Client.SendAsync(WithKey(hub.Api(HttpMethod.Post, "/api/canned-answers", new { title = "Reset", body = "Hello {{requester.name}}" }, CarlaKey), "add-1"));
        using var retried = await hub.Client.SendAsync(WithKey(hub.Api(HttpMethod.Post, "/api/canned-answers", new { title = "Reset", body = "Hello {{requester.name}}" }, CarlaKey), "add-1"));
        var id = (await hub.JsonAsync(added)).GetProperty("id").GetString()!;
        using var replaced = await hub.Client.SendAsync(hub.Api(HttpMethod.Put, $"/api/canned-answers/{id}", new { title = "Password reset", body = "Hello {{requester.name}}, {{agent.name}} here about #{{ticket.number}}." }, CarlaKey));
        using var rendered = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, $"/api/tickets/{ticket.Number}/canned-answers/{id}", key: BrunoKey));
        using var list = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/canned-answers", key: BrunoKey));
        using var removed = await hub.Client.SendAsync(hub.Api(HttpMethod.Delete, $"/api/canned-answers/{id}", key: CarlaKey));
        using var removedAgain = await hub.Client.SendAsync(hub.Api(HttpMethod.Delete, $"/api/canned-answers/{id}", key: CarlaKey));
        using var replaceGone = await hub.Client.SendAsync(hub.Api(HttpMethod.Put, $"/api/canned-answers/{id}", new { title = "x", body = "y" }, CarlaKey));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(id, (await hub.JsonAsync(retried)).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var answer = await hub.JsonAsync(rendered);
        Assert.Equal($"Hello Ana Souza, Bruno Costa here about #{ticket.Number}.", answer.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("warning").ValueKind);
        var item = Assert.Single((await hub.JsonAsync(list)).GetProperty("items").EnumerateArray());
        Assert.Equal("Password reset", item.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, replaceGone.StatusCode);
    }

    [Theory]
    [InlineData("", "Hi", "title")]
    [InlineData("Reset", "", "body")]
    [InlineData("Reset", null, "body")]
    public async Task CannedAnswers_BadTitleOrBody_Return400NamingIt(string? title, string? body, string field)
    {
        await using var hub = await StartAsync();

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/canned-answers", new { title, body }, CarlaKey));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await hub.JsonAsync(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task CannedAnswers_TooLongBody_Returns400NamingBody()
    {
        await using var hub = await StartAsync();

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/canned-answers", new { title = "Long", body = new string('x', CannedAnswer.MaxBodyLength + 1) }, CarlaKey));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("body", (await hub.JsonAsync(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task CannedAnswers_ManagedByAnAgentWhoIsNotAdmin_Returns403()
    {
        await using var hub = await StartAsync();

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/canned-answers", new { title = "T", body = "B" }, BrunoKey));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await hub.App.Services.GetRequiredService<ICannedAnswerStore>().ListAsync());
    }

    /// <summary>The ticket once the assignment (round-robin's choice, or none) is in its history.</summary>
    private static Task<Ticket> WaitAssignedAsync(HubServer hub, string id) =>
        hub.TicketWhenAsync(id, t => t.History.Any(h => h.Type == WorkspaceHistoryTypes.Assigned));
}
