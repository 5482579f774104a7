using System.Net;
using SyncHub.Domain;
using SyncHub.Resilience.Tests.Hosting;

namespace SyncHub.Resilience.Tests.Hostile;

/// <summary>
/// A 50,000-character string in every field of every body (inside the body limit, so it reaches the validators): a 4xx
/// naming the field, a 422 with a dead-letter entry, or, for the free-text body of a message only, a ticket holding it
/// verbatim. No other field of a stored ticket ever holds more than <see cref="MaxFieldLength"/> characters.
/// </summary>
public sealed class HugeFieldTests(HostileHub hub) : IClassFixture<HostileHub>
{
    private const int MaxFieldLength = 16_000;
    private static readonly string Huge = string.Concat(Enumerable.Repeat("0123456789", 5_000));

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

    public static TheoryData<string, string> ApiRouteFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var (route, fields) in ApiFields.TextFields)
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
    public async Task IntakeField_Huge_IsRefusedDeadLetteredOrKeptOnlyAsTheBody(string route, string field)
    {
        var body = Bodies.With(Bodies.For(route, Random.Shared.Next(1_000_000, 9_999_999)), field, Huge);
        var deadLetters = await hub.DeadLetterCountAsync();

        using var response = await hub.Client.SendAsync(HostileHub.Intake(Bodies.Segment(route), Bodies.Utf8(body)));
        var text = await response.Content.ReadAsStringAsync();

        await AssertAnswerAsync(response.StatusCode, text, deadLetters, $"{route}.{field}");
        hub.AssertClean();
    }

    [Theory]
    [MemberData(nameof(ApiRouteFields))]
    public async Task ApiField_Huge_IsRefusedDeadLetteredOrKeptOnlyAsTheBody(string route, string field)
    {
        var id = await TicketIdAsync(closed: route == "follow-up");
        var body = Bodies.With(ApiFields.For(route), field, Huge);
        var deadLetters = await hub.DeadLetterCountAsync();
        var path = route == "tickets" ? "/api/tickets" : $"/api/tickets/{id}/{route}";

        using var response = await hub.Client.SendAsync(HostileHub.Api(HttpMethod.Post, path, Bodies.Utf8(body)));
        var text = await response.Content.ReadAsStringAsync();

        await AssertAnswerAsync(response.StatusCode, text, deadLetters, $"{route}.{field}");
        hub.AssertClean();
    }

    [Fact]
    public async Task IdempotencyKey_Huge_IsRefusedOrDeadLettered()
    {
        var request = HostileHub.Api(HttpMethod.Post, "/api/tickets", Bodies.Utf8(ApiFields.For("tickets")));
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Huge[..10_000]);

        using var response = await hub.Client.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
        hub.AssertClean();
    }

    private async Task AssertAnswerAsync(HttpStatusCode status, string text, long deadLettersBefore, string what)
    {
        var code = (int)status;
        Assert.True(code is 200 or 201 or 400 or 413 or 422, $"{what}: {code} {text}");
        if (code == 422)
        {
            Assert.Equal(deadLettersBefore + 1, await hub.DeadLetterCountAsync());
            return;
        }

        if (code is 400 or 413)
        {
            Assert.Contains("\"status\":" + code, text, StringComparison.Ordinal);
            return;
        }

        using var answer = System.Text.Json.JsonDocument.Parse(text);
        if (!answer.RootElement.TryGetProperty("id", out var idProperty) || idProperty.GetString() is not { } ticketId)
        {
            // An event the source ignores (no record): nothing was stored.
            return;
        }

        var ticket = await hub.TicketAsync(ticketId);
        foreach (var (name, value) in Fields(ticket))
        {
            Assert.True(value is null || value.Length <= MaxFieldLength, $"{what}: the ticket's {name} holds {value?.Length} characters");
        }

        foreach (var entry in ticket.History)
        {
            foreach (var (key, value) in entry.Data ?? new Dictionary<string, string>())
            {
                Assert.True(key is "message" or "body" or "text" || value.Length <= MaxFieldLength, $"{what}: history {entry.Type}.{key} holds {value.Length} characters");
            }
        }
    }

    private static IEnumerable<(string Name, string? Value)> Fields(Ticket ticket)
    {
        yield return ("subject", ticket.Subject);
        yield return ("externalId", ticket.ExternalId);
        yield return ("threadKey", ticket.ThreadKey);
        yield return ("requester.name", ticket.Requester.Name);
        yield return ("requester.email", ticket.Requester.Email);
        yield return ("requester.phone", ticket.Requester.Phone);
        yield return ("requester.handle", ticket.Requester.Handle);
        yield return ("team", ticket.Team);
        yield return ("assignee", ticket.Assignee);
        foreach (var (key, value) in ticket.Diagnostics)
        {
            yield return ($"diagnostics.{key}", value);
        }
    }

    private async Task<string> TicketIdAsync(bool closed)
    {
        var created = await hub.SendJsonAsync(HostileHub.Form(Bodies.WebForm($"huge-{Guid.NewGuid():N}")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        if (closed)
        {
            await hub.SendJsonAsync(HostileHub.Api(HttpMethod.Post, $"/api/tickets/{id}/status", new { status = "Closed" }), HttpStatusCode.OK);
        }

        return id;
    }
}
