using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Hosting;
using SyncHub.Pipeline;
using SyncHub.Storage;
using static SyncHub.Adapters.Freshcaller.Tests.FreshcallerFake;

namespace SyncHub.Adapters.Freshcaller.Tests;

/// <summary>The adapter behind the real core: the intake pipeline over the in-memory store.</summary>
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
        }).Build();
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(FreshcallerSettings.Now));
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

    public async ValueTask DisposeAsync()
    {
        await provider.GetRequiredService<IntakePipeline>().StopAsync(CancellationToken.None);
        await provider.DisposeAsync();
        freshcaller.Dispose();
    }
}
