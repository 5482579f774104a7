using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Domain;
using SyncHub.Hosting;
using SyncHub.Pipeline;
using SyncHub.Storage;
using static SyncHub.Adapters.Twitter.Tests.TwitterFake;

namespace SyncHub.Adapters.Twitter.Tests;

/// <summary>The adapter behind the real core: the poll target, the intake pipeline and the in-memory store.</summary>
public sealed class TwitterIntakeTests : IAsyncDisposable
{
    private readonly TwitterFake x = new();
    private readonly ServiceProvider provider;

    public TwitterIntakeTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{TwitterSettings.Section}:Enabled"] = "true",
            [$"{TwitterSettings.Section}:BaseUrl"] = x.ApiUrl,
            [$"{TwitterSettings.Section}:BearerToken"] = BearerToken,
            [$"{TwitterSettings.Section}:UserId"] = SupportUserId,
        }).Build();
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(TwitterSettings.Now));
        var hub = services.AddSyncHubCore(configuration);
        services.AddInMemoryStore();
        hub.AddModule(new TwitterModule());
        provider = services.BuildServiceProvider();
    }

    [Fact]
    public async Task PollAsync_ConversationAcrossTwoPolls_OneTicketWithTheReplyInItsHistory()
    {
        x.Page(null, null, null, [Tweet("1200", "@RocketChat the mobile app crashes on login")]);
        x.Page("1200", null, null, [Tweet("1203", "@RocketChat any news? still crashing", conversationId: "1200", repliedTo: "1200")]);
        await provider.GetRequiredService<IntakePipeline>().StartAsync(CancellationToken.None);
        var poller = provider.GetRequiredService<PollingSourceDescriptor>().Create(provider);
        var store = provider.GetRequiredService<ITicketStore>();

        var first = await poller.PollAsync(null, CancellationToken.None);
        var second = await poller.PollAsync(first.NextCursor, CancellationToken.None);
        var again = await poller.PollAsync(null, CancellationToken.None);

        Assert.Equal(("1200", "1203"), (first.NextCursor, second.NextCursor));
        Assert.Equal(1, again.Count);
        var ticket = await store.GetAsync(Assert.Single((await store.ListAsync(new TicketQuery())).Items).Id);
        Assert.NotNull(ticket);
        Assert.Equal(Channel.Twitter, ticket.Channel);
        Assert.Equal("@anasouza_dev", ticket.Requester.Handle);
        Assert.Equal("Twitter", ticket.History[0].Data!["channel"]);
        var threaded = Assert.Single(ticket.History, h => h.Type == HistoryTypes.Threaded);
        Assert.Equal("1203", threaded.Data!["externalId"]);
    }

    [Fact]
    public async Task PollAsync_EditedPost_ThreadsOntoTheOriginalsTicketInsteadOfOpeningANewOne()
    {
        x.Page(null, null, null, [Tweet("1587946525245804544", "@RocketChat Dogs are the best!")]);
        x.Page("1587946525245804544", null, null,
            [Tweet("1587946527955329024", "@RocketChat Dogs are the best! (edited)", conversationId: "1587946527955329024", editOf: "1587946525245804544")]);
        await provider.GetRequiredService<IntakePipeline>().StartAsync(CancellationToken.None);
        var poller = provider.GetRequiredService<PollingSourceDescriptor>().Create(provider);
        var store = provider.GetRequiredService<ITicketStore>();

        var first = await poller.PollAsync(null, CancellationToken.None);
        await poller.PollAsync(first.NextCursor, CancellationToken.None);

        var ticket = await store.GetAsync(Assert.Single((await store.ListAsync(new TicketQuery())).Items).Id);
        Assert.NotNull(ticket);
        var threaded = Assert.Single(ticket.History, h => h.Type == HistoryTypes.Threaded);
        Assert.Equal("1587946527955329024", threaded.Data!["externalId"]);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.GetRequiredService<IntakePipeline>().StopAsync(CancellationToken.None);
        await provider.DisposeAsync();
        x.Dispose();
    }
}
