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

namespace SyncHub.Adapters.Email.Tests;

/// <summary>
/// The Email module inside the real core (poller, pipeline, in-memory store) against dovecot: every request
/// becomes exactly one ticket, a reply threads onto it, noise makes none, and the cursor is committed.
/// </summary>
public sealed class EmailPipelineTests(DovecotServer imap) : IClassFixture<DovecotServer>
{
    [Fact]
    public async Task Poller_MailboxWithDuplicatesRepliesAndNoise_MakesOneTicketPerRequest()
    {
        var user = imap.NewUser();
        var uids = await imap.AppendAsync(
            user,
            "INBOX",
            Mail.Plain("first@example.com", subject: "Cannot log in"),
            Mail.Plain("first@example.com", subject: "Cannot log in"),
            Mail.Plain("second@example.com", subject: "Re: Cannot log in", extraHeaders: ["In-Reply-To: <first@example.com>", "References: <first@example.com>"]),
            Mail.Plain("ooo@example.com", subject: "Out of office", extraHeaders: "Auto-Submitted: auto-replied"),
            Mail.Plain("other@example.com", subject: "Invoice charged twice", from: "Bruno Costa <bruno@example.com>"));
        var settings = new Dictionary<string, string?>
        {
            ["SyncHub:Pipeline:PollRetryDelay"] = "00:00:00.050",
            ["SyncHub:Adapters:Email:Enabled"] = "true",
            ["SyncHub:Adapters:Email:Host"] = "127.0.0.1",
            ["SyncHub:Adapters:Email:Port"] = imap.Port.ToString(CultureInfo.InvariantCulture),
            ["SyncHub:Adapters:Email:Security"] = "None",
            ["SyncHub:Adapters:Email:User"] = user,
            ["SyncHub:Adapters:Email:Password"] = DovecotServer.Password,
            ["SyncHub:Adapters:Email:BatchSize"] = "2",
            ["SyncHub:Adapters:Email:PollInterval"] = "01:00:00",
        };
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSyncHubCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).AddModule(new EmailModule());
        services.AddInMemoryStore();
        await using var provider = services.BuildServiceProvider();
        var checkpoints = provider.GetRequiredService<ICheckpointStore>();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        var committed = $"\"lastUid\":{uids[^1]}";
        await Eventually.WaitUntilAsync(() => checkpoints.GetAsync("Email").GetAwaiter().GetResult()?.Contains(committed, StringComparison.Ordinal) == true);
        foreach (var service in Enumerable.Reverse(hosted))
        {
            await service.StopAsync(CancellationToken.None);
        }

        var tickets = (await provider.GetRequiredService<ITicketStore>().ListAsync(new TicketQuery { Channel = Channel.Email })).Items;
        Assert.Equal(["Cannot log in", "Invoice charged twice"], tickets.Select(t => t.Subject).Order(StringComparer.Ordinal));
        var first = await provider.GetRequiredService<ITicketStore>().GetAsync(tickets.Single(t => t.ExternalId == "first@example.com").Id);
        Assert.Contains(first!.History, h => h.Type == HistoryTypes.Threaded);
        Assert.Equal(Priority.Medium, first.Priority);
    }
}
