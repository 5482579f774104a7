using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SyncHub.Adapters.Email.Tests.Servers;
using SyncHub.Domain;
using SyncHub.Hosting;
using SyncHub.Storage;
using SyncHub.Testing.Doubles;
using SyncHub.Workflow;

namespace SyncHub.Adapters.Email.Tests;

/// <summary>
/// A customer's mail read from dovecot becomes a ticket; the agent's reply (the workflow behind
/// <c>POST /api/tickets/{id}/reply</c>) goes through the outbox and the SMTP notifier to the SMTP server,
/// threaded to the customer's mail, once.
/// </summary>
public sealed class ReplyEndToEndTests(DovecotServer imap, SmtpSink smtp) : IClassFixture<DovecotServer>, IClassFixture<SmtpSink>
{
    [Fact]
    public async Task Reply_ToAnEmailTicket_ReachesTheSmtpServerThreadedOnce()
    {
        var user = imap.NewUser();
        await imap.AppendAsync(user, "INBOX", Mail.Plain("customer-1@example.com", subject: "Export fails"));
        var smtpOptions = smtp.Options();
        var settings = new Dictionary<string, string?>
        {
            ["SyncHub:Pipeline:PollRetryDelay"] = "00:00:00.050",
            ["SyncHub:Outbox:PollInterval"] = "00:00:00.050",
            ["SyncHub:Adapters:Email:Enabled"] = "true",
            ["SyncHub:Adapters:Email:Host"] = "127.0.0.1",
            ["SyncHub:Adapters:Email:Port"] = imap.Port.ToString(CultureInfo.InvariantCulture),
            ["SyncHub:Adapters:Email:Security"] = "None",
            ["SyncHub:Adapters:Email:User"] = user,
            ["SyncHub:Adapters:Email:Password"] = DovecotServer.Password,
            ["SyncHub:Adapters:Email:PollInterval"] = "01:00:00",
            ["SyncHub:Adapters:Smtp:Enabled"] = "true",
            ["SyncHub:Adapters:Smtp:Host"] = smtpOptions.Host,
            ["SyncHub:Adapters:Smtp:Port"] = smtpOptions.Port.ToString(CultureInfo.InvariantCulture),
            ["SyncHub:Adapters:Smtp:Security"] = "None",
            ["SyncHub:Adapters:Smtp:From"] = smtpOptions.From,
        };
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        var hub = services.AddSyncHubCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        hub.AddModule(new EmailModule());
        hub.AddModule(new SmtpModule());
        services.AddInMemoryStore();
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<ITicketStore>();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        try
        {
            await Eventually.WaitUntilAsync(() => store.ListAsync(new TicketQuery()).GetAwaiter().GetResult().Items.Count == 1);
            var ticket = Assert.Single((await store.ListAsync(new TicketQuery())).Items);

            var replied = await provider.GetRequiredService<TicketWorkflow>().ReplyAsync(ticket.Id, new Reply("Please try again with version 6.4.2.", "maria"));
            Assert.Null(replied.Error);
            var eventId = replied.Ticket!.History.Last(h => h.Type == HistoryTypes.Reply).Data!["eventId"];
            var messageId = OutboundMessageId.For(eventId, smtpOptions.EffectiveMessageIdDomain);
            await Eventually.WaitUntilAsync(() => smtp.Received(messageId).Count > 0);
            await Eventually.WaitUntilAsync(() => store.GetAsync(ticket.Id).GetAwaiter().GetResult()!.History.Any(h => h.Type == HistoryTypes.Delivery));

            var mail = Assert.Single(smtp.Received(messageId));
            Assert.Equal("customer-1@example.com", mail.InReplyTo);
            Assert.Contains($"[#{ticket.Number}]", mail.Subject, StringComparison.Ordinal);
            Assert.Contains("ana@example.com", mail.To.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("version 6.4.2", mail.TextBody, StringComparison.Ordinal);
            Assert.Null(mail.Headers["Auto-Submitted"]);
        }
        finally
        {
            foreach (var service in Enumerable.Reverse(hosted))
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
    }
}
