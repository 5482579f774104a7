using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using MimeKit;
using SyncHub.Adapters.Email.Tests.Servers;
using SyncHub.Domain;
using SyncHub.Hosting;
using SyncHub.Policies;
using SyncHub.Sdk.Testing;
using SyncHub.Storage;
using SyncHub.Testing.Doubles;
using SyncHub.Workflow;

namespace SyncHub.Adapters.Email.Tests;

/// <summary>
/// The whole conversation as the hub runs it, against dovecot and the SMTP sink: the customer's mail opens a ticket,
/// the agent's reply goes out by SMTP, the agent solves (or closes) the ticket, and the customer answers that reply.
/// On a Solved ticket the answer reopens it with the SLA clock running and the reason in the history; on a Closed one
/// it opens a new ticket linked to the old. Real time throughout (poller and outbox), with short intervals.
/// </summary>
public sealed class ConversationLoopTests(DovecotServer imap, SmtpSink smtp) : IClassFixture<DovecotServer>, IClassFixture<SmtpSink>, IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly string user = imap.NewUser("loop");
    private ServiceProvider? provider;
    private List<IHostedService> hosted = [];

    private ServiceProvider Provider => provider ?? throw new InvalidOperationException("the hub is not started");

    private ITicketStore Store => Provider.GetRequiredService<ITicketStore>();

    private TicketWorkflow Workflow => Provider.GetRequiredService<TicketWorkflow>();

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["SyncHub:Pipeline:PollRetryDelay"] = "00:00:00.050",
            ["SyncHub:Outbox:PollInterval"] = "00:00:00.050",
        };
        foreach (var (key, value) in AdapterHarness.Qualify("SyncHub:Adapters:Email", EmailSettings.Imap(imap.Port, user, new Dictionary<string, string?> { ["PollInterval"] = "00:00:00.100" }))
            .Concat(AdapterHarness.Qualify("SyncHub:Adapters:Smtp", EmailSettings.Smtp(smtp.Port))))
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<IAccountDirectory>(new GoldAccount());
        var hub = new SyncHubBuilder(services, configuration);
        Assert.True(hub.AddModule(new EmailModule()));
        Assert.True(hub.AddModule(new SmtpModule()));
        services.AddSyncHubCore(configuration);
        services.AddInMemoryStore();
        provider = services.BuildServiceProvider();
        hosted = [.. provider.GetServices<IHostedService>()];
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var service in Enumerable.Reverse(hosted))
        {
            await service.StopAsync(CancellationToken.None);
        }

        if (provider is not null)
        {
            await provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task CustomerAnswer_ToTheReplyOnASolvedTicket_ReopensItWithTheSlaRunningAndSaysWhy()
    {
        var (ticket, sent) = await OpenAndReplyAsync("loop-solved@example.com");
        var solved = await Workflow.ChangeStatusAsync(ticket.Id, TicketStatus.Solved, "maria");
        Assert.Equal(TicketStatus.Solved, solved.Ticket!.Status);
        Assert.NotNull(solved.Ticket.Sla!.ResolvedAt);

        await AnswerAsync(sent, "loop-solved-answer@example.com");

        var reopened = await WaitForAsync(ticket.Id, t => t.Status == TicketStatus.Open, "the answer did not reopen the ticket");
        var now = TimeProvider.System.GetUtcNow();
        Assert.True(reopened.CustomerReplied);
        Assert.Null(reopened.SolvedAt);
        var sla = Assert.IsType<SlaStamp>(reopened.Sla);
        Assert.Null(sla.ResolvedAt);
        Assert.False(sla.Paused);
        Assert.Null(sla.FirstRespondedAt);
        Assert.True(sla.FirstResponseDueAt > now, $"the next response is due at {sla.FirstResponseDueAt:O}, not after {now:O}");
        var why = Assert.Single(reopened.History, h => h.Type == HistoryTypes.Reopened);
        Assert.Contains("the customer answered while it was Solved", why.Message, StringComparison.Ordinal);
        Assert.Equal(("Solved", "Email", "loop-solved-answer@example.com"), (why.Data!["from"], why.Data["channel"], why.Data["externalId"]));
        var threaded = Assert.Single(reopened.History, h => h.Type == HistoryTypes.Threaded);
        Assert.Equal(("loop-solved-answer@example.com", "Works now, but only after a restart."), (threaded.Data!["externalId"], threaded.Data["body"].Trim()));
        Assert.Single((await Store.ListAsync(new TicketQuery())).Items);
    }

    [Fact]
    public async Task CustomerAnswer_ToTheReplyOnAClosedTicket_OpensANewTicketLinkedToTheOld()
    {
        var (ticket, sent) = await OpenAndReplyAsync("loop-closed@example.com");
        Assert.Null((await Workflow.ChangeStatusAsync(ticket.Id, TicketStatus.Closed, "maria")).Error);

        await AnswerAsync(sent, "loop-closed-answer@example.com");

        await Eventually.WaitUntilAsync(() => Tickets().Any(t => t.LinkedTicketId == ticket.Id), Bound);
        var fresh = (await Store.GetAsync(Tickets().Single(t => t.Id != ticket.Id).Id))!;
        var old = (await Store.GetAsync(ticket.Id))!;
        Assert.Equal(TicketStatus.Closed, old.Status);
        Assert.DoesNotContain(old.History, h => h.Type is HistoryTypes.Reopened or HistoryTypes.Threaded);
        Assert.Equal((TicketStatus.Open, "loop-closed-answer@example.com"), (fresh.Status, fresh.ExternalId));
        var link = Assert.Single(fresh.History, h => h.Type == HistoryTypes.Linked);
        Assert.Contains(old.Tag, link.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentsNextReply_AnswersTheCustomersLatestMail_WithTheWholeChainInReferences()
    {
        var (ticket, sent) = await OpenAndReplyAsync("loop-chain@example.com");
        await AnswerAsync(sent, "loop-chain-answer@example.com");
        await WaitForAsync(ticket.Id, t => t.History.Any(h => h.Type == HistoryTypes.Threaded), "the answer did not thread onto the ticket");

        var replied = await Workflow.ReplyAsync(ticket.Id, new Reply("Good to hear. The restart is fixed in 6.4.3.", "maria"));
        Assert.Null(replied.Error);
        var eventId = replied.Ticket!.Replies.Single(r => r.Value.State == ReplyState.Queued).Key;
        await WaitForAsync(ticket.Id, t => t.Replies[eventId].State == ReplyState.Sent, "the second reply was not marked sent");
        var domain = Provider.GetRequiredService<IOptionsMonitor<SmtpOptions>>().CurrentValue.EffectiveMessageIdDomain;
        var second = Assert.Single(smtp.Received(OutboundMessageId.For(eventId, domain)));

        Assert.Equal("loop-chain-answer@example.com", second.InReplyTo);
        Assert.Equal(["loop-chain@example.com", sent.MessageId!, "loop-chain-answer@example.com"], second.References.ToArray());
        Assert.Equal(["ana@example.com"], second.To.Mailboxes.Select(m => m.Address));
        Assert.Contains($"[{ticket.Tag}]", second.Subject, StringComparison.Ordinal);
        Assert.Equal("Good to hear. The restart is fixed in 6.4.3.", second.TextBody!.Trim());
    }

    /// <summary>
    /// Steps one and two: the customer's first mail lands in the INBOX and becomes a ticket; the agent's reply to it is
    /// sent through the outbox and the SMTP notifier. Returns the ticket and the mail the SMTP sink received.
    /// </summary>
    private async Task<(Ticket Ticket, MimeMessage Sent)> OpenAndReplyAsync(string messageId)
    {
        await imap.AppendAsync(user, "INBOX", Mail.Plain(messageId, subject: "Export fails"));
        await Eventually.WaitUntilAsync(() => Tickets().Count == 1, Bound);
        var ticket = Assert.Single(Tickets());
        Assert.Equal((Channel.Email, messageId), (ticket.Channel, ticket.ExternalId));
        Assert.NotNull(ticket.Sla);

        var replied = await Workflow.ReplyAsync(ticket.Id, new Reply("Please try again with version 6.4.2.", "maria"));
        Assert.Null(replied.Error);
        var eventId = Assert.Single(replied.Ticket!.Replies).Key;
        await WaitForAsync(ticket.Id, t => t.Replies[eventId].State == ReplyState.Sent, "the reply was not marked sent");
        var domain = Provider.GetRequiredService<IOptionsMonitor<SmtpOptions>>().CurrentValue.EffectiveMessageIdDomain;
        var sent = Assert.Single(smtp.Received(OutboundMessageId.For(eventId, domain)));
        Assert.Contains($"[{ticket.Tag}]", sent.Subject, StringComparison.Ordinal);
        Assert.Equal(messageId, sent.InReplyTo);
        return (ticket, sent);
    }

    /// <summary>The customer's answer to <paramref name="sent"/>, as their mail client writes it: threaded and "Re:" to its subject.</summary>
    private Task AnswerAsync(MimeMessage sent, string messageId) => imap.AppendAsync(
        user,
        "INBOX",
        Mail.Plain(
            messageId,
            subject: $"Re: {sent.Subject}",
            body: "Works now, but only after a restart.",
            extraHeaders: [$"In-Reply-To: <{sent.MessageId}>", $"References: <{sent.InReplyTo}> <{sent.MessageId}>"]));

    private List<Ticket> Tickets() => [.. Store.ListAsync(new TicketQuery()).GetAwaiter().GetResult().Items];

    /// <summary>Waits for the ticket to satisfy <paramref name="condition"/>; on time-out says where it stands and what the hub logged.</summary>
    private async Task<Ticket> WaitForAsync(string id, Func<Ticket, bool> condition, string what)
    {
        Ticket? Load() => Store.GetAsync(id).GetAwaiter().GetResult();
        try
        {
            await Eventually.WaitUntilAsync(() => Load() is { } ticket && condition(ticket), Bound);
        }
        catch (TimeoutException ex)
        {
            var ticket = Load();
            var logged = Provider.GetFakeLogCollector().GetSnapshot().Where(r => r.Level >= LogLevel.Warning).Select(r => $"{r.Category}: {r.Message} {r.Exception?.Message}");
            throw new TimeoutException(
                $"{what}: status {ticket?.Status}, replies [{string.Join(", ", ticket?.Replies.Values.Select(r => r.State) ?? [])}], " +
                $"history [{string.Join(" | ", ticket?.History.Select(h => h.Message) ?? [])}]; warnings: {string.Join(" | ", logged)}",
                ex);
        }

        return Load()!;
    }

    /// <summary>The CRM directory: every requester belongs to an active Gold account, which has an SLA.</summary>
    private sealed class GoldAccount : IAccountDirectory
    {
        public Task<AccountSnapshot?> FindAsync(Requester requester, CancellationToken cancellationToken = default) =>
            Task.FromResult<AccountSnapshot?>(new AccountSnapshot("crm-1", "Acme", "Gold", "Active"));
    }
}
