using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Adapters.Email.Tests.Servers;
using SyncHub.Domain;

namespace SyncHub.Adapters.Email.Tests;

/// <summary>The Smtp notifier against a real SMTP server (aiosmtpd), asserting on the headers it received.</summary>
public sealed class SmtpNotifierTests(SmtpSink smtp) : IClassFixture<SmtpSink>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private SmtpNotifier CreateSut(SmtpOptions? options = null) =>
        new(new StaticOptionsMonitor<SmtpOptions>(options ?? smtp.Options()), new FakeTimeProvider(Now), new FakeLogger<SmtpNotifier>());

    private static OutboxEvent Event(string type, string id, params (string Key, string Value)[] data) => new()
    {
        Id = id,
        Type = type,
        TicketId = "t-1",
        TicketNumber = 10423,
        CreatedAt = Now,
        Data = data.ToDictionary(d => d.Key, d => d.Value),
    };

    [Fact]
    public async Task SendAsync_Reply_IsThreadedTaggedAndNotMarkedAutomatic()
    {
        var evt = Event(
            EmailEvents.Reply,
            "evt-reply-1",
            (EmailEventData.To, "Ana Souza <ana@example.com>"),
            (EmailEventData.Subject, "Re: Cannot log in"),
            (EmailEventData.Body, "Please reset your password from the login page."),
            (EmailEventData.InReplyTo, "<reply-2@example.com>"),
            (EmailEventData.References, "<root-1@example.com> <reply-2@example.com>"));

        await CreateSut().SendAsync(evt, CancellationToken.None);

        var expectedId = OutboundMessageId.For("evt-reply-1", "synchub.test");
        var message = Assert.Single(smtp.Received(expectedId));
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
        var evt = Event(
            EmailEvents.FollowUp,
            "evt-followup-1",
            (EmailEventData.To, "caller@example.com"),
            (EmailEventData.Subject, "Your call about [#10423]"),
            (EmailEventData.Body, "Following up on your call."),
            (EmailEventData.InReplyTo, "root-7@example.com"));

        await CreateSut().SendAsync(evt, CancellationToken.None);

        var message = Assert.Single(smtp.Received(OutboundMessageId.For("evt-followup-1", "synchub.test")));
        Assert.Equal("auto-replied", message.Headers["Auto-Submitted"]);
        Assert.Equal("Your call about [#10423]", message.Subject);
        Assert.Equal("root-7@example.com", message.InReplyTo);
        Assert.Equal(["root-7@example.com"], message.References);
    }

    [Fact]
    public async Task SendAsync_AutomaticFlagOnAReply_CarriesAutoSubmitted()
    {
        var evt = Event(
            EmailEvents.Reply,
            "evt-reply-auto",
            (EmailEventData.To, "ana@example.com"),
            (EmailEventData.Subject, "We got your request"),
            (EmailEventData.Body, "Thanks."),
            (EmailEventData.Automatic, "true"));

        await CreateSut().SendAsync(evt, CancellationToken.None);

        var message = Assert.Single(smtp.Received(OutboundMessageId.For("evt-reply-auto", "synchub.test")));
        Assert.Equal("auto-replied", message.Headers["Auto-Submitted"]);
        Assert.Null(message.InReplyTo);
    }

    [Fact]
    public async Task SendAsync_SameEventTwice_SendsTheSameMessageId()
    {
        var evt = Event(
            EmailEvents.Reply,
            "evt-retried",
            (EmailEventData.To, "ana@example.com"),
            (EmailEventData.Subject, "Re: Cannot log in"),
            (EmailEventData.Body, "Second try."));
        var sut = CreateSut();

        await sut.SendAsync(evt, CancellationToken.None);
        await sut.SendAsync(evt, CancellationToken.None);

        Assert.Equal(2, smtp.Received(OutboundMessageId.For("evt-retried", "synchub.test")).Count);
    }

    [Fact]
    public async Task SendAsync_ConfiguredMessageIdDomain_IsUsed()
    {
        var options = smtp.Options();
        options.MessageIdDomain = "mail.synchub.test";
        var evt = Event(EmailEvents.Reply, "evt-domain", (EmailEventData.To, "ana@example.com"), (EmailEventData.Subject, "Hi"), (EmailEventData.Body, "Hello"));

        await CreateSut(options).SendAsync(evt, CancellationToken.None);

        Assert.Single(smtp.Received(OutboundMessageId.For("evt-domain", "mail.synchub.test")));
    }

    [Theory]
    [InlineData(EmailEventData.To)]
    [InlineData(EmailEventData.Subject)]
    [InlineData(EmailEventData.Body)]
    public async Task SendAsync_RequiredDataMissing_ThrowsNamingTheKey(string missing)
    {
        var data = new[] { (EmailEventData.To, "ana@example.com"), (EmailEventData.Subject, "Hi"), (EmailEventData.Body, "Hello") }
            .Where(d => d.Item1 != missing).ToArray();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CreateSut().SendAsync(Event(EmailEvents.Reply, "evt-bad", data), CancellationToken.None));

        Assert.Contains($"'{missing}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_BadRecipient_Throws()
    {
        var evt = Event(EmailEvents.Reply, "evt-bad-to", (EmailEventData.To, "not an address"), (EmailEventData.Subject, "Hi"), (EmailEventData.Body, "Hello"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => CreateSut().SendAsync(evt, CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_ServerUnreachable_ThrowsForTheOutboxToRetry()
    {
        var options = smtp.Options();
        options.Port = FreePort.Next();
        var evt = Event(EmailEvents.Reply, "evt-down", (EmailEventData.To, "ana@example.com"), (EmailEventData.Subject, "Hi"), (EmailEventData.Body, "Hello"));

        var error = await Record.ExceptionAsync(() => CreateSut(options).SendAsync(evt, CancellationToken.None));

        Assert.NotNull(error);
        Assert.IsNotType<InvalidOperationException>(error);
    }

    [Theory]
    [InlineData(EmailEvents.Reply, null, true)]
    [InlineData(EmailEvents.FollowUp, null, true)]
    [InlineData(EmailEvents.FollowUp, "Smtp", true)]
    [InlineData(EmailEvents.Reply, "RocketChat", false)]
    [InlineData("ticket.created", null, false)]
    [InlineData("review.reply", null, false)]
    public void Handles_EventTypeAndTarget_OnlyEmailEventsForSmtp(string type, string? target, bool expected)
    {
        var evt = Event(type, "evt-x") with { Target = target };

        Assert.Equal(expected, CreateSut().Handles(evt));
    }

    [Fact]
    public void Name_IsTheConfigurationKey() => Assert.Equal("Smtp", CreateSut().Name);

    [Fact]
    public async Task SendAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var evt = Event(EmailEvents.Reply, "evt-cancel", (EmailEventData.To, "ana@example.com"), (EmailEventData.Subject, "Hi"), (EmailEventData.Body, "Hello"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut().SendAsync(evt, cancelled.Token));
    }
}
