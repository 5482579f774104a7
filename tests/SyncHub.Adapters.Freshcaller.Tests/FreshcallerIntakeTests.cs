using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Hosting;
using SyncHub.Pipeline;
using SyncHub.Storage;
using static SyncHub.Adapters.Freshcaller.Tests.FreshcallerFake;

namespace SyncHub.Adapters.Freshcaller.Tests;

/// <summary>
/// The adapter behind the real core: the intake pipeline over the in-memory store, the follow-up hook and the hub's
/// team alerts (the Day shift, Mon-Fri 08:00-20:00 in São Paulo, is on at the clock's start).
/// </summary>
public sealed class FreshcallerIntakeTests : IAsyncDisposable
{
    private readonly FreshcallerFake freshcaller = new();
    private readonly ServiceProvider provider;

    public FreshcallerIntakeTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{FreshcallerSettings.Section}:Enabled"] = "true",
            [$"{FreshcallerSettings.Section}:BaseUrl"] = freshcaller.ApiUrl,
            [$"{FreshcallerSettings.Section}:ApiKey"] = FreshcallerFake.ApiKey,
            [$"{FreshcallerSettings.Section}:WebhookSecret"] = FreshcallerSettings.WebhookSecret,
            [$"{FreshcallerSettings.Section}:StartFrom"] = "2026-11-30T08:00:00Z",
            [$"{FreshcallerSettings.Section}:Coverage:Shifts:0:Name"] = "Day",
            [$"{FreshcallerSettings.Section}:Coverage:Shifts:0:Days:0"] = "Mon-Fri",
            [$"{FreshcallerSettings.Section}:Coverage:Shifts:0:Start"] = "08:00",
            [$"{FreshcallerSettings.Section}:Coverage:Shifts:0:End"] = "20:00",
            [$"{FreshcallerSettings.Section}:Coverage:Shifts:0:TimeZone"] = "America/Sao_Paulo",
        }).Build();
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(FreshcallerSettings.Now));
        services.AddInMemoryAccountDirectory();
        var hub = services.AddSyncHubCore(configuration);
        services.AddInMemoryStore();
        hub.AddModule(new FreshcallerModule());
        provider = services.BuildServiceProvider();
    }

    [Fact]
    public async Task SameCall_PolledThenPostedAsWebhook_IsOneTicket()
    {
        var call = Call(131489691, "2026-11-30T09:15:12.323Z");
        freshcaller.Page(1, 1, 1, call);
        var pipeline = provider.GetRequiredService<IntakePipeline>();
        await pipeline.StartAsync(CancellationToken.None);
        var poller = provider.GetRequiredService<PollingSourceDescriptor>().Create(provider);
        var webhook = provider.GetServices<IWebhookSource>().Single();

        var polled = await poller.PollAsync(null, CancellationToken.None);
        var posted = Assert.Single(Assert.IsType<WebhookResult.Accepted>(await webhook.ReadAsync(
            new WebhookRequest(
                "POST",
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Webhook-Secret"] = FreshcallerSettings.WebhookSecret },
                new Dictionary<string, string>(),
                Encoding.UTF8.GetBytes(call.ToJsonString())),
            CancellationToken.None)).Records);
        var second = await pipeline.SubmitAsync(posted);

        Assert.Equal(1, polled.Count);
        Assert.Equal(IntakeOutcome.Duplicate, second.Outcome);
        var ticket = await provider.GetRequiredService<ITicketStore>().GetAsync(second.TicketId!);
        Assert.NotNull(ticket);
        Assert.Equal(Channel.Phone, ticket.Channel);
        Assert.Equal(("Freshcaller", "131489691"), (ticket.Source, ticket.ExternalId));
        var page = await provider.GetRequiredService<ITicketStore>().ListAsync(new TicketQuery());
        Assert.Single(page.Items);
    }

    [Fact]
    public async Task TransferredCall_ChildLegIsThreadedOntoTheParentsTicketWithItsNotes()
    {
        freshcaller.Page(
            1,
            1,
            2,
            Call(131489691, "2026-11-30T09:15:12.323Z"),
            Call(131489702, "2026-11-30T09:18:40.101Z", parentCallId: 131489691, notes: "Second level: license server unreachable, restarted it."));
        var pipeline = provider.GetRequiredService<IntakePipeline>();
        await pipeline.StartAsync(CancellationToken.None);
        var poller = provider.GetRequiredService<PollingSourceDescriptor>().Create(provider);

        var polled = await poller.PollAsync(null, CancellationToken.None);

        Assert.Equal(2, polled.Count);
        var store = provider.GetRequiredService<ITicketStore>();
        var tickets = await store.ListAsync(new TicketQuery());
        var ticket = await store.GetAsync(Assert.Single(tickets.Items).Id);
        Assert.NotNull(ticket);
        Assert.Equal(("Freshcaller", "131489691"), (ticket.Source, ticket.ExternalId));
        var threaded = Assert.Single(ticket.History, h => h.Type == HistoryTypes.Threaded);
        Assert.Equal("131489702", threaded.Data!["externalId"]);
        Assert.Equal("Second level: license server unreachable, restarted it.", threaded.Data["body"]);
    }

    [Fact]
    public async Task PolledCall_CallerIsMailedOnlyTheSummaryTheAgentMarked()
    {
        await provider.GetRequiredService<IAccountDirectoryStore>().UpsertAsync(
            [new CrmAccount("acc-1", "ACME Ltda", "Gold", "Active", null, ["acme.example"], ["+551140001000"], FreshcallerSettings.Now)],
            [new CrmContact("c-1", "acc-1", "ana@acme.example", "+5511987654321", "Ana Souza", FreshcallerSettings.Now)]);
        freshcaller.Page(1, 1, 1, Call(
            131489691,
            "2026-11-30T09:15:12.323Z",
            notes: "Caller furious, threatens to cancel; suspect the 6.4 index migration.\nCustomer summary: We rebuilt your search index; log in again.\n\nTODO check the index job logs"));
        var pipeline = provider.GetRequiredService<IntakePipeline>();
        await pipeline.StartAsync(CancellationToken.None);

        await provider.GetRequiredService<PollingSourceDescriptor>().Create(provider).PollAsync(null, CancellationToken.None);

        var outbox = await provider.GetRequiredService<ITicketStore>().ReadOutboxAsync(null, 10);
        var mail = Assert.Single(outbox, e => e.Event.Type == MailEvents.FollowUp).Event;
        Assert.Equal("ana@acme.example", mail.Data[MailEvents.To]);
        Assert.Contains("We rebuilt your search index; log in again.", mail.Data[MailEvents.Body], StringComparison.Ordinal);
        foreach (var word in new[] { "furious", "cancel", "migration", "TODO" })
        {
            Assert.DoesNotContain(word, mail.Data[MailEvents.Body], StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task UncoveredShift_OneChatAlertInTheOutbox_EvenAfterARestart()
    {
        freshcaller.Users(User(1, "Ana Lima", status: 0));
        var coverage = provider.GetServices<IHostedService>().OfType<FreshcallerCoverage>().Single();

        await coverage.CheckAsync(CancellationToken.None);
        await ActivatorUtilities.CreateInstance<FreshcallerCoverage>(provider).CheckAsync(CancellationToken.None);

        var outbox = await provider.GetRequiredService<ITicketStore>().ReadOutboxAsync(null, 10);
        var alert = Assert.Single(outbox, e => e.Event.Type == ChatEvents.Message).Event;
        Assert.Equal("alert:team:freshcaller:uncovered:Day:2026-11-30T11:00Z", alert.Id);
        Assert.Equal(FreshcallerCoverage.UncoveredKind, alert.Data[ChatEvents.Kind]);
        Assert.Equal(2, freshcaller.UserRequests.Count);
    }

    [Fact]
    public async Task PolledPageWithAMalformedCall_StoresTheOthersAndKeepsThatCallInTheDeadLetters()
    {
        var malformed = Call(131489800, "2026-11-30T09:20:00.000Z");
        malformed["bill_duration"] = "abc";
        freshcaller.Page(1, 1, 2, Call(131489799, "2026-11-30T09:15:12.323Z"), malformed);
        var pipeline = provider.GetRequiredService<IntakePipeline>();
        await pipeline.StartAsync(CancellationToken.None);
        var poller = provider.GetRequiredService<PollingSourceDescriptor>().Create(provider);

        var polled = await poller.PollAsync(null, CancellationToken.None);

        Assert.Equal(1, polled.Count);
        var stored = Assert.Single((await provider.GetRequiredService<ITicketStore>().ListAsync(new TicketQuery())).Items);
        Assert.Equal("131489799", stored.ExternalId);
        var letter = Assert.Single(await provider.GetRequiredService<IDeadLetterStore>().ListAsync(10));
        Assert.Equal(("Freshcaller", "131489800"), (letter.Source, letter.ExternalId));
        Assert.Contains("$.bill_duration", letter.Reason, StringComparison.Ordinal);
        Assert.Contains("\"bill_duration\":\"abc\"", letter.Payload, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.GetRequiredService<IntakePipeline>().StopAsync(CancellationToken.None);
        await provider.DisposeAsync();
        freshcaller.Dispose();
    }
}
