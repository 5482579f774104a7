using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using SyncHub.Adapters.Email.Tests.Servers;
using SyncHub.Domain;

namespace SyncHub.Adapters.Email.Tests;

/// <summary>The Smtp notifier against a real SMTP server (aiosmtpd), asserting on the headers it received.</summary>
public sealed class SmtpNotifierTests(SmtpSink smtp) : IClassFixture<SmtpSink>
{
    private const string Domain = "synchub.test";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private SmtpNotifier CreateSut(SmtpOptions? options = null) =>
        new(new StaticOptionsMonitor<SmtpOptions>(options ?? smtp.Options()), new FakeTimeProvider(Now), new FakeLogger<SmtpNotifier>());

    /// <summary>An event for ticket #10423 with a recipient, subject and body, changed or completed by <paramref name="data"/> (an empty value removes a key).</summary>
    private static OutboxEvent Event(string type, string id, params (string Key, string Value)[] data)
    {
        var values = new Dictionary<string, string>
        {
            [EmailEventData.To] = "Ana Souza <ana@example.com>",
            [EmailEventData.Subject] = "Re: Cannot log in",
            [EmailEventData.Body] = "Please reset your password from the login page.",
        };
        foreach (var (key, value) in data)
        {
            values[key] = value;
        }

        return new OutboxEvent
        {
            Id = id,
            Type = type,
            TicketId = "t-1",
            TicketNumber = 10423,
            CreatedAt = Now,
            Data = values.Where(v => v.Value.Length > 0).ToDictionary(),
        };
    }

    /// <summary>Sends the event and returns the one message the server got with the event's Message-ID.</summary>
    private async Task<MimeMessage> SendAndReceiveAsync(OutboxEvent evt, SmtpOptions? options = null, string domain = Domain)
    {
        await CreateSut(options).SendAsync(evt, CancellationToken.None);
        return Assert.Single(smtp.Received(OutboundMessageId.For(evt.Id, domain)));
    }

    [Fact]
    public async Task SendAsync_Reply_IsThreadedTaggedAndNotMarkedAutomatic()
    {
        var message = await SendAndReceiveAsync(Event(
            EmailEvents.Reply,
            "evt-reply-1",
            (EmailEventData.InReplyTo, "<reply-2@example.com>"),
            (EmailEventData.References, "<root-1@example.com> <reply-2@example.com>")));

        Assert.Equal("[#10423] Re: Cannot log in", message.Subject);
        Assert.Equal("reply-2@example.com", message.InReplyTo);
        Assert.Equal(["root-1@example.com", "reply-2@example.com"], message.References);
        Assert.Null(message.Headers["Auto-Submitted"]);
        Assert.Equal("support@synchub.test", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("ana@example.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("10423", message.Headers["X-SyncHub-Ticket"]);
        Assert.Equal("Please reset your password from the login page.", message.TextBody?.Trim());
        Assert.Equal(Now, message.Date);
    }

    [Fact]
    public async Task SendAsync_FollowUp_CarriesAutoSubmittedAndKeepsAnExistingTag()
    {
        var message = await SendAndReceiveAsync(Event(
            EmailEvents.FollowUp,
            "evt-followup-1",
            (EmailEventData.Subject, "Your call about [#10423]"),
            (EmailEventData.InReplyTo, "root-7@example.com")));

        Assert.Equal("auto-replied", message.Headers["Auto-Submitted"]);
        Assert.Equal("Your call about [#10423]", message.Subject);
        Assert.Equal("root-7@example.com", message.InReplyTo);
        Assert.Equal(["root-7@example.com"], message.References);
    }

    [Fact]
    public async Task SendAsync_AutomaticFlagOnAReply_CarriesAutoSubmitted()
    {
        var message = await SendAndReceiveAsync(Event(EmailEvents.Reply, "evt-reply-auto", (EmailEventData.Automatic, "true")));

        Assert.Equal("auto-replied", message.Headers["Auto-Submitted"]);
        Assert.Null(message.InReplyTo);
        Assert.Empty(message.References);
    }

    [Fact]
    public async Task SendAsync_FollowUpMarkedNotAutomatic_HasNoAutoSubmitted()
    {
        var message = await SendAndReceiveAsync(Event(EmailEvents.FollowUp, "evt-followup-manual", (EmailEventData.Automatic, "false")));

        Assert.Null(message.Headers["Auto-Submitted"]);
    }

    [Fact]
    public async Task SendAsync_TicketNumberInData_TagsThatTicket()
    {
        var message = await SendAndReceiveAsync(Event(EmailEvents.Reply, "evt-other-ticket", (EmailEventData.TicketNumber, "#77"), (EmailEventData.Cc, "lead@example.com")));

        Assert.Equal("[#77] Re: Cannot log in", message.Subject);
        Assert.Equal("lead@example.com", Assert.Single(message.Cc.Mailboxes).Address);
    }

    [Fact]
    public async Task SendAsync_SameEventTwice_SendsTheSameMessageId()
    {
        var evt = Event(EmailEvents.Reply, "evt-retried");
        var sut = CreateSut();

        await sut.SendAsync(evt, CancellationToken.None);
        await sut.SendAsync(evt, CancellationToken.None);

        Assert.Equal(2, smtp.Received(OutboundMessageId.For("evt-retried", Domain)).Count);
    }

    [Fact]
    public async Task SendAsync_ConfiguredMessageIdDomain_IsUsed()
    {
        var options = smtp.Options();
        options.MessageIdDomain = "mail.synchub.test";

        var message = await SendAndReceiveAsync(Event(EmailEvents.Reply, "evt-domain"), options, "mail.synchub.test");

        Assert.EndsWith("@mail.synchub.test", message.MessageId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EmailEventData.To)]
    [InlineData(EmailEventData.Subject)]
    [InlineData(EmailEventData.Body)]
    public async Task SendAsync_RequiredDataMissing_ThrowsNamingTheKey(string missing)
    {
        var error = await Assert.ThrowsAsync<DeliveryException>(() => CreateSut().SendAsync(Event(EmailEvents.Reply, "evt-bad", (missing, "")), CancellationToken.None));

        Assert.True(error.IsPermanent);

        Assert.Contains($"'{missing}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EmailEventData.To, "not an address")]
    [InlineData(EmailEventData.Automatic, "maybe")]
    [InlineData(EmailEventData.TicketNumber, "abc")]
    public async Task SendAsync_UnusableData_ThrowsNamingTheKey(string key, string value)
    {
        var error = await Assert.ThrowsAsync<DeliveryException>(() => CreateSut().SendAsync(Event(EmailEvents.Reply, "evt-bad-data", (key, value)), CancellationToken.None));

        Assert.True(error.IsPermanent);

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ServerUnreachable_ThrowsForTheOutboxToRetry()
    {
        var options = smtp.Options();
        options.Port = FreePort.Next();

        var error = await Record.ExceptionAsync(() => CreateSut(options).SendAsync(Event(EmailEvents.Reply, "evt-down"), CancellationToken.None));

        Assert.NotNull(error);
        Assert.False(error is DeliveryException { Kind: not DeliveryFailureKind.Transient });
    }

    [Fact]
    public async Task SendAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut().SendAsync(Event(EmailEvents.Reply, "evt-cancel"), cancelled.Token));
    }

    [Theory]
    [InlineData(EmailEvents.Reply, null, true)]
    [InlineData(EmailEvents.FollowUp, null, true)]
    [InlineData(EmailEvents.FollowUp, "Smtp", true)]
    [InlineData(EmailEvents.Reply, "RocketChat", false)]
    [InlineData("ticket.created", null, false)]
    [InlineData("review.reply", null, false)]
    public void Handles_EventTypeAndTarget_OnlyEmailEventsForSmtp(string type, string? target, bool expected) =>
        Assert.Equal(expected, CreateSut().Handles(Event(type, "evt-x") with { Target = target }));

    [Fact]
    public void Name_IsTheConfigurationKey() => Assert.Equal("Smtp", CreateSut().Name);
}
