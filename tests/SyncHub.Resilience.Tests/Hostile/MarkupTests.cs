using System.Net;
using System.Text.Json;
using SyncHub.Domain;
using SyncHub.Resilience.Tests.Hosting;

namespace SyncHub.Resilience.Tests.Hostile;

/// <summary>
/// HTML and script in every text field: refused where the field has a format (an e-mail address, a priority), otherwise
/// stored as the exact text that was sent (not stripped, not entity-encoded) and served only as JSON.
/// </summary>
public sealed class MarkupTests(HostileHub hub) : IClassFixture<HostileHub>
{
    private const string Markup = "<script>alert('x')</script><img src=x onerror=\"alert(1)\">&amp;<b>bold</b>";

    public static TheoryData<string, string> IntakeFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var (route, fields) in Bodies.TextFields)
        {
            foreach (var field in fields)
            {
                data.Add(route, field);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IntakeFields))]
    public async Task IntakeField_WithMarkup_IsRefusedOrStoredAsTheExactText(string route, string field)
    {
        var body = Bodies.With(Bodies.For(route, Random.Shared.Next(10_000_000, 99_999_999)), field, Markup);

        using var response = await hub.Client.SendAsync(HostileHub.Intake(Bodies.Segment(route), Bodies.Utf8(body)));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode is 200 or 201 or 400 or 422, $"{route}.{field}: {(int)response.StatusCode} {text}");
        if (response.IsSuccessStatusCode && JsonDocument.Parse(text).RootElement.TryGetProperty("id", out var id))
        {
            await AssertStoredAsTextAsync(id.GetString()!);
        }

        hub.AssertClean();
    }

    [Theory]
    [InlineData("subject")]
    [InlineData("message")]
    [InlineData("agent")]
    [InlineData("requester.name")]
    public async Task InternalRequestField_WithMarkup_IsStoredAsTheExactText(string field)
    {
        var body = Bodies.With(ApiFields.For("tickets"), field, Markup);

        var created = await hub.SendJsonAsync(HostileHub.Api(HttpMethod.Post, "/api/tickets", Bodies.Utf8(body)), HttpStatusCode.Created);

        var ticket = await AssertStoredAsTextAsync(created.GetProperty("id").GetString()!);
        Assert.Contains(Strings(ticket), s => s.Contains(Markup, StringComparison.Ordinal));
        hub.AssertClean();
    }

    [Theory]
    [InlineData("escalate", "by")]
    [InlineData("status", "by")]
    public async Task WorkflowBy_WithMarkup_IsIgnored_TheHistoryRecordsTheSignedInCaller(string route, string field)
    {
        var created = await hub.SendJsonAsync(HostileHub.Form(Bodies.WebForm($"markup-{Guid.NewGuid():N}")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var body = Bodies.With(ApiFields.For(route), field, Markup);

        using var response = await hub.Client.SendAsync(HostileHub.Api(HttpMethod.Post, $"/api/tickets/{id}/{route}", Bodies.Utf8(body)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ticket = await AssertStoredAsTextAsync(id);
        var recorded = ticket.History.SelectMany(h => (h.Data ?? new Dictionary<string, string>()).Where(d => d.Key == "by").Select(d => d.Value)).ToList();
        Assert.Contains("service:api-key", recorded);
        Assert.DoesNotContain(ticket.History.SelectMany(h => (h.Data ?? new Dictionary<string, string>()).Values), v => v.Contains("<script", StringComparison.OrdinalIgnoreCase));
        hub.AssertClean();
    }

    [Theory]
    [InlineData("escalate", "note")]
    [InlineData("reply", "message")]
    public async Task WorkflowField_WithMarkup_IsRefusedOrRecordedAsTheExactText(string route, string field)
    {
        var created = await hub.SendJsonAsync(HostileHub.Form(Bodies.WebForm($"markup-{Guid.NewGuid():N}")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var body = Bodies.With(ApiFields.For(route), field, Markup);

        using var response = await hub.Client.SendAsync(HostileHub.Api(HttpMethod.Post, $"/api/tickets/{id}/{route}", Bodies.Utf8(body)));

        Assert.True((int)response.StatusCode is 200 or 400, $"{route}.{field}: {(int)response.StatusCode}");
        var ticket = await AssertStoredAsTextAsync(id);
        if (response.IsSuccessStatusCode)
        {
            Assert.Contains(ticket.History.SelectMany(h => (h.Data ?? new Dictionary<string, string>()).Values), v => v == Markup);
        }

        hub.AssertClean();
    }

    [Fact]
    public async Task UnknownTicketId_WithMarkup_IsAProblemJsonNotAPage()
    {
        using var response = await hub.Client.SendAsync(HostileHub.Api(HttpMethod.Get, "/api/tickets/" + Uri.EscapeDataString(Markup)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        hub.AssertClean();
    }

    [Fact]
    public async Task FacebookHandshake_WithAMarkupChallenge_EchoesItAsPlainText()
    {
        using var response = await hub.Client.GetAsync(
            $"/api/intake/facebook?hub.mode=subscribe&hub.verify_token={TestSecrets.FacebookVerifyToken}&hub.challenge={Uri.EscapeDataString(Markup)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nosniff", response.Headers.TryGetValues("X-Content-Type-Options", out var values) ? string.Join(",", values) : "", StringComparison.Ordinal);
        hub.AssertClean();
    }

    /// <summary>Reads the ticket raw: served as JSON, and no field holds an entity-encoded or half-stripped copy of the markup.</summary>
    private async Task<Ticket> AssertStoredAsTextAsync(string id)
    {
        using var response = await hub.Client.SendAsync(HostileHub.Api(HttpMethod.Get, $"/api/tickets/{id}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var ticket = JsonSerializer.Deserialize<Ticket>(await response.Content.ReadAsStringAsync(), SyncHubJson.Options)!;
        foreach (var value in Strings(ticket))
        {
            Assert.DoesNotContain("&lt;script", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("&amp;amp;", value, StringComparison.Ordinal);
            if (value.Contains("alert('x')", StringComparison.Ordinal))
            {
                Assert.Contains("<script>alert('x')</script>", value, StringComparison.Ordinal);
            }
        }

        return ticket;
    }

    private static IEnumerable<string> Strings(Ticket ticket)
    {
        IEnumerable<string?> values =
        [
            ticket.Subject, ticket.Body, ticket.Requester.Name, ticket.Requester.Email, ticket.Requester.Phone, ticket.Requester.Handle,
            ticket.Team, ticket.Assignee, .. ticket.Diagnostics.Values,
            .. ticket.History.SelectMany(h => (h.Data ?? new Dictionary<string, string>()).Values.Append(h.Message)),
        ];
        return values.OfType<string>();
    }
}
