using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Accounts;
using SyncHub.Domain;
using SyncHub.Hosting;
using SyncHub.Pipeline;
using SyncHub.Storage;
using static SyncHub.Adapters.Freshcaller.Tests.FreshcallerFake;

namespace SyncHub.Adapters.Freshcaller.Tests;

/// <summary>
/// The adapter behind the real core (in-memory store, the hub's team alerts and follow-up hook): what the caller is
/// mailed after a polled call, and the coverage alert as the outbox stores it.
/// </summary>
public sealed class FreshcallerHubTests : IAsyncDisposable
{
    private readonly FreshcallerFake freshcaller = new();
    private readonly ServiceProvider provider;

    public FreshcallerHubTests()
    {
        var section = FreshcallerSettings.Section;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{section}:Enabled"] = "true",
            [$"{section}:BaseUrl"] = freshcaller.ApiUrl,
            [$"{section}:ApiKey"] = FreshcallerFake.ApiKey,
            [$"{section}:StartFrom"] = "2026-11-30T08:00:00Z",
            [$"{section}:MaxRetryAttempts"] = "0",
            [$"{section}:Coverage:Shifts:0:Name"] = "Day",
            [$"{section}:Coverage:Shifts:0:Days:0"] = "Mon-Fri",
            [$"{section}:Coverage:Shifts:0:Start"] = "08:00",
            [$"{section}:Coverage:Shifts:0:End"] = "20:00",
            [$"{section}:Coverage:Shifts:0:TimeZone"] = "America/Sao_Paulo",
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

    public async ValueTask DisposeAsync()
    {
        await provider.GetRequiredService<IntakePipeline>().StopAsync(CancellationToken.None);
        await provider.DisposeAsync();
        freshcaller.Dispose();
    }
}
