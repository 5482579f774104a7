using System.Net;
using SyncHub.Domain;

namespace SyncHub.Host.Tests;

public sealed class TicketsApiTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-123")]
    public async Task TicketsApi_MissingOrWrongApiKey_Returns401(string? key)
    {
        await using var hub = await HubServer.StartAsync();

        using var list = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/tickets", key: key));
        using var create = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/tickets", new { subject = "s", message = "m" }, key));

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
    }

    [Fact]
    public async Task Create_InternalRequest_Returns201AndTheTicketIsChannelInternal()
    {
        await using var hub = await HubServer.StartAsync();

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/tickets", new
        {
            subject = "Customer asked by phone for an invoice copy",
            message = "Please send the October invoice again.",
            priority = "low",
            agent = "maria",
            requester = new { name = "ACME Ltda", email = "billing@acme.example" },
        }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = await hub.TicketAsync((await hub.JsonAsync(response)).GetProperty("id").GetString()!);
        Assert.Equal(Channel.Internal, ticket.Channel);
        Assert.Equal(Priority.Low, ticket.Priority);
        Assert.Equal("billing@acme.example", ticket.Requester.Email);
        Assert.Equal("Internal", ticket.History[0].Data!["channel"]);
    }

    [Fact]
    public async Task Create_SameIdempotencyKeyTwice_SecondIsADuplicate()
    {
        await using var hub = await HubServer.StartAsync();

        async Task<HttpResponseMessage> PostAsync()
        {
            var request = hub.Api(HttpMethod.Post, "/api/tickets", new { subject = "s", message = "m" });
            request.Headers.Add("Idempotency-Key", "agent-req-7");
            return await hub.Client.SendAsync(request);
        }

        using var first = await PostAsync();
        using var second = await PostAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True((await hub.JsonAsync(second)).GetProperty("duplicate").GetBoolean());
    }

    [Theory]
    [InlineData("subject")]
    [InlineData("message")]
    public async Task Create_MissingField_Returns400NamingIt(string field)
    {
        await using var hub = await HubServer.StartAsync();
        var body = new Dictionary<string, string> { ["subject"] = "s", ["message"] = "m" };
        body.Remove(field);

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/tickets", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await hub.JsonAsync(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task List_FiltersAndPaging_ReturnsNewestFirstAcrossPages()
    {
        await using var hub = await HubServer.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            using var _ = await hub.Client.SendAsync(hub.Form(Forms.Valid($"web-{i}")));
        }

        using (var __ = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/tickets", new { subject = "internal", message = "m" })))
        {
        }

        var numbers = new List<long>();
        string? cursor = null;
        do
        {
            using var page = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, $"/api/tickets?channel=web&sort=created&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}"));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var body = await hub.JsonAsync(page);
            foreach (var item in body.GetProperty("items").EnumerateArray())
            {
                Assert.Equal("Web", item.GetProperty("channel").GetString());
                numbers.Add(item.GetProperty("number").GetInt64());
            }

            cursor = body.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.Null ? null : body.GetProperty("next").GetString();
        }
        while (cursor is not null);

        Assert.Equal(5, numbers.Count);
        Assert.Equal(numbers.OrderByDescending(n => n), numbers);

        using var internals = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/tickets?channel=Internal&status=Open&department=Community"));
        Assert.Equal(1, (await hub.JsonAsync(internals)).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("channel=Pigeon", "channel")]
    [InlineData("status=Lost", "status")]
    [InlineData("priority=9", "priority")]
    [InlineData("department=Sales", "department")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=abc", "cursor")]
    public async Task List_BadFilter_Returns400NamingIt(string query, string field)
    {
        await using var hub = await HubServer.StartAsync();

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, $"/api/tickets?{query}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await hub.JsonAsync(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Get_ByNumberOrId_ReturnsTheSameTicket_AndUnknownIs404()
    {
        await using var hub = await HubServer.StartAsync();
        using var created = await hub.Client.SendAsync(hub.Form(Forms.Valid()));
        var body = await hub.JsonAsync(created);

        var byId = await hub.TicketAsync(body.GetProperty("id").GetString()!);
        var byNumber = await hub.TicketAsync(body.GetProperty("number").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var missing = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/tickets/does-not-exist"));

        Assert.Equal(byId.Id, byNumber.Id);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
