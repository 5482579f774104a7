using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Host.Tests;

public sealed class WorkflowTests
{
    [Fact]
    public async Task Escalate_ToDevelopers_AssignsRecordsHistoryAndQueuesOneChatMessage()
    {
        await using var hub = await HubServer.StartAsync();
        var id = await CreateAsync(hub);

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/escalate", new { team = "developers", assignee = "@joao.dev", note = "Crash on login, logs attached" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ticket = await hub.TicketAsync(id);
        Assert.Equal("developers", ticket.Team);
        Assert.Equal("joao.dev", ticket.Assignee);
        var entry = Assert.Single(ticket.History, h => h.Type == HistoryTypes.Escalated);
        Assert.Equal("Crash on login, logs attached", entry.Data!["note"]);
        var outbox = await hub.App.Services.GetRequiredService<ITicketStore>().ReadOutboxAsync(null, 10);
        var chat = Assert.Single(outbox, e => e.Event.Type == ChatEvents.Message).Event;
        Assert.Equal("joao.dev", chat.Data[ChatEvents.Mention]);
        Assert.Equal("dev-support", chat.Data[ChatEvents.Channel]);
        Assert.Equal(ticket.Number, chat.TicketNumber);
    }

    [Theory]
    [InlineData("marketing", "ana", "team")]
    [InlineData("sales", "", "assignee")]
    [InlineData("sales", "two words", "assignee")]
    public async Task Escalate_BadTeamOrAssignee_Returns400NamingTheField(string team, string assignee, string field)
    {
        await using var hub = await HubServer.StartAsync();
        var id = await CreateAsync(hub);

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/escalate", new { team, assignee }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await hub.JsonAsync(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Escalate_UnknownTicket_Returns404()
    {
        await using var hub = await HubServer.StartAsync();

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/tickets/nope/escalate", new { team = "sales", assignee = "ana" }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task FollowUp_OpenTicket_Returns409()
    {
        await using var hub = await HubServer.StartAsync();
        var id = await CreateAsync(hub);

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/follow-up", new { documentation = "improve", bug = "none", feature = "none" }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task FollowUp_ClosedTicket_IsStoredInTheHistoryWithItsLinks()
    {
        await using var hub = await HubServer.StartAsync();
        var id = await CreateAsync(hub);
        await CloseAsync(hub, id);

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/follow-up", new
        {
            documentation = "create",
            documentationLink = "https://docs.example.com/new-page",
            bug = "known",
            bugLink = "https://github.com/example/app/issues/42",
            feature = "none",
            note = "Workaround documented",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single((await hub.TicketAsync(id)).History, h => h.Type == HistoryTypes.FollowUp);
        Assert.Equal("Create", entry.Data!["documentation"]);
        Assert.Equal("Known", entry.Data["bug"]);
        Assert.Equal("https://github.com/example/app/issues/42", entry.Data["bugLink"]);
    }

    [Theory]
    [InlineData("maybe", "none", "none", null, "documentation")]
    [InlineData("none", "new", "none", null, "bugLink")]
    [InlineData("none", "none", "newRequest", "not a link", "featureRequestLink")]
    public async Task FollowUp_BadAnswer_Returns400NamingTheField(string documentation, string bug, string feature, string? featureRequestLink, string field)
    {
        await using var hub = await HubServer.StartAsync();
        var id = await CreateAsync(hub);
        await CloseAsync(hub, id);

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/follow-up", new { documentation, bug, feature, featureRequestLink }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await hub.JsonAsync(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Status_ToPendingAndBack_IsRecordedAndTheListFiltersByIt()
    {
        await using var hub = await HubServer.StartAsync();
        var id = await CreateAsync(hub);

        using var pending = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/status", new { status = "pending" }));
        using var listed = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/tickets?status=Pending"));

        Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
        Assert.Equal(TicketStatus.Pending, (await hub.TicketAsync(id)).Status);
        Assert.Equal(1, (await hub.JsonAsync(listed)).GetProperty("items").GetArrayLength());

        using var solved = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/status", new { status = "Solved" }));
        var ticket = await hub.TicketAsync(id);
        Assert.Equal(TicketStatus.Solved, ticket.Status);
        Assert.Equal(["Open → Pending", "Pending → Solved"], ticket.History.Where(h => h.Type == HistoryTypes.StatusChanged).Select(h => $"{h.Data!["from"]} → {h.Data["to"]}").ToArray());
        Assert.All(ticket.History.Where(h => h.Type == HistoryTypes.StatusChanged), h => Assert.Equal("service:api-key", h.Data!["by"]));
    }

    [Fact]
    public async Task Status_Unknown_Returns400NamingStatus()
    {
        await using var hub = await HubServer.StartAsync();
        var id = await CreateAsync(hub);

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/status", new { status = "Archived" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("status", (await hub.JsonAsync(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Reply_WebTicket_QueuesOneMailToTheRequesterAndRecordsIt()
    {
        await using var hub = await HubServer.StartAsync(null, services => services.AddSingleton<SyncHub.Adapters.INotifier>(new SyncHub.Testing.Doubles.RecordingNotifier("Recorder", MailEvents.Reply)));
        var id = await CreateAsync(hub);

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/reply", new { message = "Please reset your password from the login page." }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ticket = await hub.TicketAsync(id);
        var entry = Assert.Single(ticket.History, h => h.Type == HistoryTypes.Reply);
        Assert.Equal("service:api-key", entry.Data!["by"]);
        var outbox = await hub.App.Services.GetRequiredService<ITicketStore>().ReadOutboxAsync(null, 10);
        var mail = Assert.Single(outbox, e => e.Event.Type == MailEvents.Reply).Event;
        Assert.Equal(entry.Data!["eventId"], mail.Id);
        Assert.Equal("ana@example.com", mail.Data[MailEvents.To]);
        Assert.Equal("Re: Cannot log in", mail.Data[MailEvents.Subject]);
        Assert.Equal("Please reset your password from the login page.", mail.Data[MailEvents.Body]);
    }

    [Theory]
    [InlineData("reply")]
    [InlineData("note")]
    [InlineData("status")]
    public async Task Action_MalformedIdempotencyKey_Returns400NamingTheHeaderAndChangesNothing(string action)
    {
        await using var hub = await HubServer.StartAsync();
        var id = await CreateAsync(hub);
        var before = (await hub.TicketAsync(id)).Version;
        using var request = hub.Api(HttpMethod.Post, $"/api/tickets/{id}/{action}", new { message = "hi", text = "hi", status = "Pending" });
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "two words");

        using var response = await hub.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Idempotency-Key", (await hub.JsonAsync(response)).GetProperty("field").GetString());
        Assert.Equal(before, (await hub.TicketAsync(id)).Version);
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("%23{0}")]
    public async Task Actions_TakeTheTicketNumberAsWellAsItsId(string route)
    {
        await using var hub = await HubServer.StartAsync();
        var id = await CreateAsync(hub);
        var number = (await hub.TicketAsync(id)).Number;
        var named = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, number);

        using var note = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{named}/note", new { text = "Called the customer back." }));
        using var status = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{named}/status", new { status = "Pending" }));
        using var unknown = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/tickets/99999999/status", new { status = "Pending" }));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound), (note.StatusCode, status.StatusCode, unknown.StatusCode));
        var ticket = await hub.TicketAsync(id);
        Assert.Equal(TicketStatus.Pending, ticket.Status);
        Assert.Single(ticket.History, h => h.Type == HistoryTypes.InternalNote);
        Assert.Contains("99999999", (await hub.JsonAsync(unknown)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_RequesterWithoutEmail_Returns409AndQueuesNothing()
    {
        await using var hub = await HubServer.StartAsync();
        using var created = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/tickets", new { subject = "Phone note", message = "m", agent = "maria" }));
        var id = (await hub.JsonAsync(created)).GetProperty("id").GetString()!;

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/reply", new { message = "hello" }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var outbox = await hub.App.Services.GetRequiredService<ITicketStore>().ReadOutboxAsync(null, 10);
        Assert.DoesNotContain(outbox, e => e.Event.Type == MailEvents.Reply);
    }

    private static async Task<string> CreateAsync(HubServer hub)
    {
        using var response = await hub.Client.SendAsync(hub.Form(Forms.Valid(Guid.NewGuid().ToString("N"))));
        return (await hub.JsonAsync(response)).GetProperty("id").GetString()!;
    }

    private static Task CloseAsync(HubServer hub, string id) =>
        hub.App.Services.GetRequiredService<ITicketStore>().UpdateAsync(id, t => new TicketChange(t with { Status = TicketStatus.Closed }, [], []));
}
