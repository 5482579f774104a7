using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Adapters;
using SyncHub.Adapters.Email;
using SyncHub.Domain;
using SyncHub.Resilience.Tests.Fakes;
using SyncHub.Resilience.Tests.Hosting;

namespace SyncHub.Resilience.Tests.Hostile;

/// <summary>
/// The SMTP notifier handed outbox events whose header-bound data (to, cc, subject, in-reply-to, references) carries
/// line breaks, a second address or a smuggled header: it refuses the event, or the mail on the wire reaches only the
/// intended mailbox and has no injected header.
/// </summary>
public sealed class SmtpNotifierInjectionTests : IAsyncLifetime
{
    private const string Evil = "evil@evil.example";
    private readonly SmtpSink smtp = new();

    public static TheoryData<string, string> HostileData()
    {
        var data = new TheoryData<string, string>();
        foreach (var lineBreak in new[] { "\r\n", "\n", "\r", "\r\n\t", "\u2028", "\0", "\r\n\r\n" })
        {
            data.Add(EmailEventData.Subject, $"Re: Login{lineBreak}Bcc: {Evil}{lineBreak}X-Injected: yes");
            data.Add(EmailEventData.To, $"ana@example.com{lineBreak}Bcc: {Evil}");
            data.Add(EmailEventData.Cc, $"carlos@example.com{lineBreak}Bcc: {Evil}");
            data.Add(EmailEventData.InReplyTo, $"<root@example.com>{lineBreak}Bcc: {Evil}");
            data.Add(EmailEventData.References, $"<root@example.com>{lineBreak}Bcc: {Evil}");
            data.Add(EmailEventData.TicketNumber, $"10423{lineBreak}Bcc: {Evil}");
        }

        data.Add(EmailEventData.To, $"\"Ana\r\nBcc: {Evil}\" <ana@example.com>");
        data.Add(EmailEventData.To, $"ana@example.com>\r\nBcc: <{Evil}");
        data.Add(EmailEventData.Subject, "=?utf-8?Q?Re:_Login=0D=0ABcc:_evil@evil.example?=");
        data.Add(EmailEventData.Subject, new string('x', 5000) + "\r\nBcc: " + Evil);
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileData))]
    public async Task SendAsync_HeaderDataWithAnInjection_RefusesOrSendsToTheRequesterOnly(string key, string value)
    {
        var evt = Event(key, value);
        var notifier = new SmtpNotifier(
            new StaticOptionsMonitor<SmtpOptions>(new SmtpOptions
            {
                Enabled = true,
                Host = "127.0.0.1",
                Port = smtp.Port,
                Security = MailSecurity.None,
                From = "Support <support@synchub.test>",
                Timeout = TimeSpan.FromSeconds(5),
            }),
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero)),
            NullLogger<SmtpNotifier>.Instance);

        try
        {
            await notifier.SendAsync(evt, CancellationToken.None);
        }
        catch (DeliveryException refused) when (refused.IsPermanent)
        {
            // Refused: the outbox dead-letters it; nothing reached the server.
            Assert.Empty(smtp.Deliveries);
            return;
        }

        var delivery = Assert.Single(smtp.Deliveries);
        if (key == EmailEventData.Cc)
        {
            Assert.Equal(["ana@example.com", "carlos@example.com"], delivery.Recipients.Order());
            Assert.DoesNotContain(delivery.Headers, h => h.Name.Equals("Bcc", StringComparison.OrdinalIgnoreCase));
            return;
        }

        MailHeaderInjectionTests.AssertSingleRecipient(delivery, key == EmailEventData.To ? null : "ana@example.com");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await smtp.DisposeAsync();

    private static OutboxEvent Event(string key, string value)
    {
        var data = new Dictionary<string, string>
        {
            [EmailEventData.To] = "Ana Souza <ana@example.com>",
            [EmailEventData.Subject] = "Re: Cannot log in",
            [EmailEventData.Body] = "Please reset your password from the login page.",
            [key] = value,
        };
        return new OutboxEvent
        {
            Id = $"evt-{Guid.NewGuid():N}",
            Type = EmailEvents.Reply,
            TicketId = "t-1",
            TicketNumber = 10423,
            CreatedAt = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero),
            Data = data,
        };
    }
}
