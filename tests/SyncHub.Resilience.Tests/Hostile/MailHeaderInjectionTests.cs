using System.Net;
using System.Net.Http.Json;
using SyncHub.Resilience.Tests.Fakes;
using SyncHub.Resilience.Tests.Hosting;

namespace SyncHub.Resilience.Tests.Hostile;

/// <summary>
/// CR/LF and friends in the fields that become mail headers on the way out (the subject and the requester's address of
/// a ticket an agent replies to): the request is refused, or the reply is refused, or the mail goes to exactly the one
/// requester with every injected "header" kept inside the subject text. Checked on the wire (a local SMTP sink).
/// </summary>
public sealed class MailHeaderInjectionTests(HostileHub hub) : IClassFixture<HostileHub>
{
    private const string Evil = "evil@evil.example";

    public static TheoryData<string> Breaks() =>
    [
        "\r\n", "\n", "\r", "\r\n\r\n", "\u2028", "\u0085", "\0", "\r\n\t", "%0d%0a", "=?utf-8?Q?=0D=0A?=",
    ];

    [Theory]
    [MemberData(nameof(Breaks))]
    public async Task WebFormSubject_WithALineBreakAndABccHeader_ReplyGoesOnlyToTheRequester(string lineBreak)
    {
        var subject = $"Login broken{lineBreak}Bcc: {Evil}{lineBreak}X-Injected: yes";
        var form = Bodies.With(Bodies.WebForm($"crlf-{Guid.NewGuid():N}"), "subject", subject);

        using var created = await hub.Client.SendAsync(HostileHub.Form(Bodies.Utf8(form)));

        if (created.StatusCode == HttpStatusCode.BadRequest)
        {
            hub.AssertClean();
            return;
        }

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        await ReplyAndAssertAsync(answer.GetProperty("id").GetString()!, answer.GetProperty("number").GetInt64(), "ana@example.com");
    }

    public static TheoryData<string> HostileAddresses() =>
    [
        $"ana@example.com\r\nBcc: {Evil}",
        $"ana@example.com\nBcc: {Evil}",
        $"ana@example.com, {Evil}",
        $"ana@example.com; {Evil}",
        $"ana@example.com {Evil}",
        $"undisclosed: ana@example.com, {Evil};",
        $"\"ana@example.com\r\nBcc: {Evil}\" <ana@example.com>",
        $"ana@example.com>\r\nBcc: <{Evil}",
        $"<ana@example.com>, <{Evil}>",
        $"ana@example.com\r\n\r\nInjected body",
    ];

    [Theory]
    [MemberData(nameof(HostileAddresses))]
    public async Task InternalRequesterEmail_WithASecondAddressOrAHeader_IsRefusedOrRepliedToOneAddressOnly(string email)
    {
        var body = Bodies.With(ApiFields.For("tickets"), "requester.email", email);

        using var created = await hub.Client.SendAsync(HostileHub.Api(HttpMethod.Post, "/api/tickets", Bodies.Utf8(body)));

        if (created.StatusCode == HttpStatusCode.BadRequest)
        {
            hub.AssertClean();
            return;
        }

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        await ReplyAndAssertAsync(answer.GetProperty("id").GetString()!, answer.GetProperty("number").GetInt64(), expectedRecipient: null);
    }

    [Theory]
    [MemberData(nameof(Breaks))]
    public async Task InternalRequestSubject_WithALineBreak_ReplyGoesOnlyToTheRequester(string lineBreak)
    {
        var body = Bodies.With(ApiFields.For("tickets"), "subject", $"Printer{lineBreak}Bcc: {Evil}");

        var created = await hub.SendJsonAsync(HostileHub.Api(HttpMethod.Post, "/api/tickets", Bodies.Utf8(body)), HttpStatusCode.Created);

        await ReplyAndAssertAsync(created.GetProperty("id").GetString()!, created.GetProperty("number").GetInt64(), "ana@example.com");
    }

    [Theory]
    [MemberData(nameof(Breaks))]
    public async Task EscalationAssignee_WithALineBreak_Returns400(string lineBreak)
    {
        var created = await hub.SendJsonAsync(HostileHub.Form(Bodies.WebForm($"esc-{Guid.NewGuid():N}")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;

        var problem = await hub.SendJsonAsync(
            HostileHub.Api(HttpMethod.Post, $"/api/tickets/{id}/escalate", new { team = "developers", assignee = $"ana{lineBreak}Bcc: {Evil}" }),
            HttpStatusCode.BadRequest);

        Assert.Equal("assignee", problem.GetProperty("field").GetString());

        hub.AssertClean();
    }

    [Theory]
    [InlineData("documentationLink")]
    [InlineData("bugLink")]
    [InlineData("featureRequestLink")]
    public async Task FollowUpLink_WithALineBreak_Returns400(string field)
    {
        var created = await hub.SendJsonAsync(HostileHub.Form(Bodies.WebForm($"fu-{Guid.NewGuid():N}")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        await hub.SendJsonAsync(HostileHub.Api(HttpMethod.Post, $"/api/tickets/{id}/status", new { status = "Closed" }), HttpStatusCode.OK);
        var body = Bodies.With(ApiFields.For("follow-up"), field, $"https://docs.example.com/a\r\nBcc: {Evil}");
        Bodies.With(body, "feature", field == "featureRequestLink" ? "NewRequest" : "None");

        var problem = await hub.SendJsonAsync(HostileHub.Api(HttpMethod.Post, $"/api/tickets/{id}/follow-up", Bodies.Utf8(body)), HttpStatusCode.BadRequest);

        Assert.Equal(field, problem.GetProperty("field").GetString());
        hub.AssertClean();
    }

    /// <summary>Replies to the ticket; the mail either never leaves (refused) or reaches exactly one requester with no injected header.</summary>
    private async Task ReplyAndAssertAsync(string id, long number, string? expectedRecipient)
    {
        using var reply = await hub.Client.SendAsync(HostileHub.Api(HttpMethod.Post, $"/api/tickets/{id}/reply", new { message = "We are on it." }));
        Assert.True(reply.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.BadRequest, $"reply: {(int)reply.StatusCode}");
        if (reply.StatusCode != HttpStatusCode.OK)
        {
            hub.AssertClean();
            return;
        }

        var delivery = await hub.MailOutcomeAsync(id, number);
        if (delivery is null)
        {
            hub.AssertClean();
            return;
        }

        AssertSingleRecipient(delivery, expectedRecipient);
        hub.AssertClean();
    }

    internal static void AssertSingleRecipient(SmtpDelivery delivery, string? expectedRecipient)
    {
        var recipient = Assert.Single(delivery.Recipients);
        Assert.DoesNotContain("evil", recipient, StringComparison.OrdinalIgnoreCase);
        if (expectedRecipient is not null)
        {
            Assert.Equal(expectedRecipient, recipient);
        }

        var names = delivery.Headers.Select(h => h.Name).ToList();
        Assert.DoesNotContain(names, n => n.Equals("Bcc", StringComparison.OrdinalIgnoreCase) || n.StartsWith("X-Injected", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, names.Count(n => n.Equals("To", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(1, names.Count(n => n.Equals("Subject", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain("evil", delivery.Headers.Single(h => h.Name.Equals("To", StringComparison.OrdinalIgnoreCase)).Value, StringComparison.OrdinalIgnoreCase);
        foreach (var line in delivery.HeaderBlock.Split("\r\n"))
        {
            Assert.DoesNotContain('\r', line);
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\0', line);
        }

        Assert.DoesNotContain(names, n => n.Length == 0 || n.Contains(' ', StringComparison.Ordinal));
        var message = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(delivery.Data)));
        Assert.Empty(message.Bcc);
        Assert.Single(message.To.Mailboxes);
        Assert.Empty(message.Cc);
        Assert.Equal("text/plain", message.Body!.ContentType.MimeType);
    }
}
