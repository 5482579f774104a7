using System.Net;
using System.Text;
using SyncHub.Domain;

namespace SyncHub.Host.Tests;

public sealed class WebIntakeTests
{
    [Fact]
    public async Task Post_ValidForm_Returns201WithNumberAndTheTicketShowsChannelWeb()
    {
        await using var hub = await HubServer.StartAsync();

        using var response = await hub.Client.SendAsync(hub.Form(Forms.Valid()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await hub.JsonAsync(response);
        Assert.True(body.GetProperty("number").GetInt64() >= 10001);
        Assert.False(body.GetProperty("duplicate").GetBoolean());
        var ticket = await hub.TicketAsync(body.GetProperty("id").GetString()!);
        Assert.Equal(Channel.Web, ticket.Channel);
        Assert.Equal("ana@example.com", ticket.Requester.Email);
        Assert.Equal(Priority.Medium, ticket.Priority);
        Assert.Equal("6.4.1", ticket.Diagnostics["clientVersion"]);
        var created = ticket.History[0];
        Assert.Equal(HistoryTypes.Created, created.Type);
        Assert.Equal("Web", created.Data!["channel"]);
    }

    [Fact]
    public async Task Post_LineBreaksAndNulInSingleLineFields_AreStoredAsOneLineAndTheMessageKeepsItsLines()
    {
        await using var hub = await HubServer.StartAsync();
        var form = Forms.Valid("crlf-1");
        form["name"] = "Ana\r\nSouza\u0000";
        form["subject"] = "Cannot log in\r\nBcc: someone@evil.example";
        form["message"] = "Line one\r\nLine two\u0000";

        using var response = await hub.Client.SendAsync(hub.Form(form));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = await hub.TicketAsync((await hub.JsonAsync(response)).GetProperty("id").GetString()!);
        Assert.Equal(("Ana Souza", "Cannot log in Bcc: someone@evil.example", "Line one\r\nLine two"), (ticket.Requester.Name, ticket.Subject, ticket.Body));
    }

    [Fact]
    public async Task Post_SameFormTwice_SecondIs200DuplicateWithTheSameTicket()
    {
        await using var hub = await HubServer.StartAsync();

        using var first = await hub.Client.SendAsync(hub.Form(Forms.Valid("dup-1")));
        using var second = await hub.Client.SendAsync(hub.Form(Forms.Valid("dup-1")));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = await hub.JsonAsync(first);
        var b = await hub.JsonAsync(second);
        Assert.True(b.GetProperty("duplicate").GetBoolean());
        Assert.Equal(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
        Assert.Equal(a.GetProperty("number").GetInt64(), b.GetProperty("number").GetInt64());
    }

    [Fact]
    public async Task Post_FormWithoutSubmissionId_ResubmittedContentIsADuplicate()
    {
        await using var hub = await HubServer.StartAsync();

        using var first = await hub.Client.SendAsync(hub.Form(Forms.Without("submissionId")));
        using var second = await hub.Client.SendAsync(hub.Form(Forms.Without("submissionId")));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("email")]
    [InlineData("subject")]
    [InlineData("message")]
    public async Task Post_MissingField_Returns400ProblemNamingTheField(string field)
    {
        await using var hub = await HubServer.StartAsync();

        using var response = await hub.Client.SendAsync(hub.Form(Forms.Without(field)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await hub.JsonAsync(response);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("email", "not-an-address")]
    [InlineData("priority", "Urgent")]
    [InlineData("priority", "1")]
    public async Task Post_InvalidValue_Returns400NamingTheField(string field, string value)
    {
        await using var hub = await HubServer.StartAsync();

        using var response = await hub.Client.SendAsync(hub.Form(Forms.With(field, value)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await hub.JsonAsync(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Post_FieldOfTheWrongType_Returns400NamingTheField()
    {
        await using var hub = await HubServer.StartAsync();

        using var response = await hub.Client.SendAsync(hub.Form(Forms.With("subject", new[] { 1, 2 })));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("subject", (await hub.JsonAsync(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Post_BadJson_Returns400AndCreatesNothing()
    {
        await using var hub = await HubServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/web")
        {
            Content = new StringContent("{\"name\": \"Ana\", ", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", HubServer.FormToken);

        using var response = await hub.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("body", (await hub.JsonAsync(response)).GetProperty("field").GetString());
        Assert.Equal(0, await TicketCountAsync(hub));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task Post_MissingOrWrongToken_Returns401AndCreatesNothing(string? token)
    {
        await using var hub = await HubServer.StartAsync();

        using var response = await hub.Client.SendAsync(hub.Form(Forms.Valid(), token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await TicketCountAsync(hub));
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Returns413AndCreatesNothing()
    {
        await using var hub = await HubServer.StartAsync(new() { ["SyncHub:Pipeline:MaxBodyBytes"] = "4096" });

        using var response = await hub.Client.SendAsync(hub.Form(Forms.With("message", new string('a', 10_000))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await TicketCountAsync(hub));
    }

    [Fact]
    public async Task Post_UnknownIntakeRoute_Returns404()
    {
        await using var hub = await HubServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/nowhere") { Content = new StringContent("{}") };

        using var response = await hub.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_HtmlInTheMessage_IsStoredAsTextUnchanged()
    {
        await using var hub = await HubServer.StartAsync();
        const string Message = "<script>alert('x')</script><b>bold</b>";

        using var response = await hub.Client.SendAsync(hub.Form(Forms.With("message", Message)));

        var ticket = await hub.TicketAsync((await hub.JsonAsync(response)).GetProperty("id").GetString()!);
        Assert.Equal(Message, ticket.Body);
    }

    private static async Task<int> TicketCountAsync(HubServer hub)
    {
        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/tickets"));
        return (await hub.JsonAsync(response)).GetProperty("items").GetArrayLength();
    }
}
