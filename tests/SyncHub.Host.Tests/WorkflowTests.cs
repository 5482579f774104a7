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

    private static async Task<string> CreateAsync(HubServer hub)
    {
        using var response = await hub.Client.SendAsync(hub.Form(Forms.Valid(Guid.NewGuid().ToString("N"))));
        return (await hub.JsonAsync(response)).GetProperty("id").GetString()!;
    }

    private static Task CloseAsync(HubServer hub, string id) =>
        hub.App.Services.GetRequiredService<ITicketStore>().UpdateAsync(id, t => new TicketChange(t with { Status = TicketStatus.Closed }, [], []));
}
