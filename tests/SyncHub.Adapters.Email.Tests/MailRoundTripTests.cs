using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Adapters.Email.Tests.Servers;
using SyncHub.Domain;

namespace SyncHub.Adapters.Email.Tests;

/// <summary>
/// Our reply goes out through SMTP and comes back into the IMAP mailbox (a Bcc, a forward): it must not open a
/// ticket; the customer's answer to it must land on the ticket, by its tag or, when the tag was removed, by the
/// conversation's root.
/// </summary>
public sealed class MailRoundTripTests(DovecotServer imap, SmtpSink smtp) : IClassFixture<DovecotServer>, IClassFixture<SmtpSink>
{
    [Fact]
    public async Task FetchAsync_OurReplyAndTheCustomersAnswers_OwnMailIgnoredAnswersThreaded()
    {
        var notifier = new SmtpNotifier(new StaticOptionsMonitor<SmtpOptions>(smtp.Options()), new FakeTimeProvider(), new FakeLogger<SmtpNotifier>());
        var reply = new OutboxEvent
        {
            Id = "evt-roundtrip-1",
            Type = EmailEvents.Reply,
            TicketId = "t-1",
            TicketNumber = 10423,
            CreatedAt = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero),
            Data = new Dictionary<string, string>
            {
                [EmailEventData.To] = Mail.Customer,
                [EmailEventData.Subject] = "Re: Cannot log in",
                [EmailEventData.Body] = "Please reset your password.",
                [EmailEventData.InReplyTo] = "root-1@example.com",
            },
        };
        await notifier.SendAsync(reply, CancellationToken.None);
        var ours = OutboundMessageId.For(reply.Id, "synchub.test");

        var user = imap.NewUser();
        await imap.AppendAsync(
            user,
            "INBOX",
            smtp.RawOf(ours),
            Mail.Plain("answer-1@example.com", subject: "Re: [#10423] Re: Cannot log in", extraHeaders: [$"In-Reply-To: <{ours}>", $"References: <root-1@example.com> <{ours}>"]),
            Mail.Plain("answer-2@example.com", subject: "Re: Re: Cannot log in", extraHeaders: [$"In-Reply-To: <{ours}>", $"References: <root-1@example.com> <{ours}>"]));
        await using var sut = SourceUnderTest.For(imap, user);

        var records = (await sut.FetchAsync(null)).Records;

        Assert.Equal(["answer-1@example.com", "answer-2@example.com"], records.Select(r => r.ExternalId));
        Assert.Equal("ticket:10423", records[0].ThreadKey);
        Assert.Equal("mail:root-1@example.com", records[1].ThreadKey);
        Assert.Equal(IgnoreReasons.OwnMessage, (string)Assert.Single(sut.Ignored.GetMeasurementSnapshot()).Tags["reason"]!);
    }
}
