using System.Net;
using SyncHub.Domain;
using SyncHub.Resilience.Tests.Hosting;

namespace SyncHub.Resilience.Tests.Hostile;

/// <summary>
/// Every <c>/api/tickets</c> route without the right <c>X-Api-Key</c>: 401, no ticket created, read or changed, no mail or
/// chat message sent.
/// </summary>
public sealed class ApiKeyTests(HostileHub hub) : IClassFixture<HostileHub>
{
    private const string Ticket = "{ticket}";
    private const string Number = "{number}";

    public static TheoryData<string, string, string?> Routes() => new()
    {
        { "POST", "/api/tickets", """{"subject":"Printer on fire","message":"Please help","requester":{"email":"it@example.com"}}""" },
        { "GET", "/api/tickets", null },
        { "GET", "/api/tickets?status=Open&limit=200", null },
        { "GET", $"/api/tickets/{Ticket}", null },
        { "GET", $"/api/tickets/{Number}", null },
        { "POST", $"/api/tickets/{Ticket}/status", """{"status":"Closed","by":"mallory"}""" },
        { "POST", $"/api/tickets/{Ticket}/reply", """{"message":"Your account is closed","by":"mallory"}""" },
        { "POST", $"/api/tickets/{Ticket}/escalate", """{"team":"developers","assignee":"ana","note":"urgent"}""" },
        { "POST", $"/api/tickets/{Ticket}/follow-up", """{"documentation":"None","bug":"None","feature":"None"}""" },
    };

    public static TheoryData<string?> WrongKeys() => new()
    {
        null,
        "",
        "wrong-api-key",
        TestSecrets.ApiKey[..^1],
        TestSecrets.ApiKey + "x",
        TestSecrets.ApiKey.ToUpperInvariant(),
        TestSecrets.ApiKey + "," + TestSecrets.ApiKey,
        TestSecrets.FormToken,
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_WithoutOrWithAWrongKey_Returns401AndChangesNothing(string method, string path, string? body)
    {
        var (id, number) = await TicketAsync();
        var before = await hub.TicketAsync(id);
        var count = await hub.TicketCountAsync();
        var mails = hub.Smtp.Deliveries.Count;
        var chats = hub.Chat.Sends.Count;
        var target = path.Replace(Ticket, id, StringComparison.Ordinal).Replace(Number, number, StringComparison.Ordinal);

        foreach (var key in WrongKeys())
        {
            var request = HostileHub.Api(new HttpMethod(method), target, body is null ? null : System.Text.Encoding.UTF8.GetBytes(body), key: key);
            var problem = await hub.SendJsonAsync(request, HttpStatusCode.Unauthorized);
            Assert.Equal(401, problem.GetProperty("status").GetInt32());
            Assert.DoesNotContain(id, problem.GetRawText(), StringComparison.Ordinal);
        }

        foreach (var header in new[] { "Authorization", "X-API-Token", "Api-Key" })
        {
            var request = HostileHub.Api(new HttpMethod(method), target, body is null ? null : System.Text.Encoding.UTF8.GetBytes(body), key: null);
            request.Headers.TryAddWithoutValidation(header, header == "Authorization" ? "Bearer " + TestSecrets.ApiKey : TestSecrets.ApiKey);
            await hub.SendJsonAsync(request, HttpStatusCode.Unauthorized);
        }

        var inQuery = target + (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"api_key={TestSecrets.ApiKey}&X-Api-Key={TestSecrets.ApiKey}";
        await hub.SendJsonAsync(HostileHub.Api(new HttpMethod(method), inQuery, body is null ? null : System.Text.Encoding.UTF8.GetBytes(body), key: null), HttpStatusCode.Unauthorized);

        var after = await hub.TicketAsync(id);
        Assert.Equal(count, await hub.TicketCountAsync());
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.History.Count, after.History.Count);
        Assert.Null(after.Assignee);
        Assert.Equal(mails, hub.Smtp.Deliveries.Count);
        Assert.Equal(chats, hub.Chat.Sends.Count);
        hub.AssertClean();
    }

    [Fact]
    public async Task Route_WithTheKey_IsAnsweredNormally()
    {
        var (id, _) = await TicketAsync();

        var ticket = await hub.TicketAsync(id);

        Assert.Equal(TicketStatus.Open, ticket.Status);
        hub.AssertClean();
    }

    private async Task<(string Id, string Number)> TicketAsync()
    {
        var created = await hub.SendJsonAsync(HostileHub.Form(Bodies.WebForm($"api-key-{Guid.NewGuid():N}")), HttpStatusCode.Created);
        return (created.GetProperty("id").GetString()!, created.GetProperty("number").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
