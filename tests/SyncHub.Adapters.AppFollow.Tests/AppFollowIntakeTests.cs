using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Domain;
using SyncHub.Hosting;
using SyncHub.Pipeline;
using SyncHub.Reviews;
using SyncHub.Sdk.Testing;
using SyncHub.Storage;
using SyncHub.Testing.Doubles;
using SyncHub.Workflow;
using static SyncHub.Adapters.AppFollow.Tests.AppFollowFake;

namespace SyncHub.Adapters.AppFollow.Tests;

/// <summary>The adapter behind the real core: intake pipeline, review policies and alerts over the in-memory store.</summary>
public sealed class AppFollowIntakeTests : IAsyncDisposable
{
    private readonly AppFollowFake appFollow = new();
    private readonly List<IHostedService> started = [];
    private ServiceProvider? provider;

    private ITicketStore Store => provider!.GetRequiredService<ITicketStore>();

    [Fact]
    public async Task EditedReview_AfterItsFirstVersion_ThreadsOntoTheSameTicket()
    {
        appFollow.Page(Android, 1, null, 1, Review("gp:AOqpTOF1", rating: 3, title: "Slow", content: "Opening a room takes ten seconds."));
        appFollow.Page(Ios, 1, null, 0);
        await StartAsync();
        var first = Assert.Single(await IngestAsync());

        appFollow.Page(Android, 1, null, 1, Review("gp:AOqpTOF1", rating: 1, title: "Slow", content: "Now it crashes when I open a room.", wasChanged: 1, updated: "2026-11-30 11:40:00"));
        var edited = Assert.Single(await IngestAsync());

        Assert.Equal(IntakeOutcome.Created, first.Outcome);
        Assert.Equal(IntakeOutcome.Threaded, edited.Outcome);
        Assert.Equal(first.TicketId, edited.TicketId);
        var ticket = (await Store.GetAsync(first.TicketId!))!;
        var threaded = Assert.Single(ticket.History, h => h.Type == HistoryTypes.Threaded);
        Assert.Equal("Now it crashes when I open a room.", threaded.Data!["body"]);
        Assert.StartsWith("Edited review (1★)", threaded.Data["subject"], StringComparison.Ordinal);
        Assert.Single((await Store.ListAsync(new TicketQuery())).Items);
    }

    [Fact]
    public async Task Reviews_BetaAndRelease_GoToTheInHouseAndTheRemoteTeam()
    {
        appFollow.Page(Android, 1, null, 1,
            Review("gp:beta", time: "09:00:00", version: "4.3.0-rc1", rating: 4, content: "Nice redesign."),
            Review("gp:track", time: "09:01:00", version: "4.3.0", track: "internal", rating: 4, content: "Works well."),
            Review("gp:release", time: "09:02:00", version: "4.2.0", rating: 4, content: "Good app."));
        appFollow.Page(Ios, 1, null, 0);
        await StartAsync();

        var results = await IngestAsync();

        var teams = new List<string?>();
        foreach (var result in results)
        {
            teams.Add((await Store.GetAsync(result.TicketId!))!.Team);
        }

        Assert.Equal(["mobile-inhouse", "mobile-inhouse", "remote-support"], teams);
        var beta = (await Store.GetAsync(results[0].TicketId!))!;
        Assert.Contains("4.3.0-rc1", Assert.Single(beta.History, h => h.Type == ReviewAlerts.RoutingType).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviews_RatingAndWording_SetThePriorityAndExplainIt()
    {
        appFollow.Page(Android, 1, null, 1,
            Review("gp:crash", time: "09:00:00", rating: 1, title: "", content: "Crashes on login since yesterday."),
            Review("gp:low", time: "09:01:00", rating: 2, title: "", content: "Too many ads in the sidebar."),
            Review("gp:high", time: "09:02:00", rating: 5, title: "", content: "Crash free and fast."));
        appFollow.Page(Ios, 1, null, 0);
        await StartAsync();

        var results = await IngestAsync();

        var tickets = new List<Ticket>();
        foreach (var result in results)
        {
            tickets.Add((await Store.GetAsync(result.TicketId!))!);
        }

        Assert.Equal([Priority.High, Priority.Medium, Priority.Low], tickets.Select(t => t.Priority));
        Assert.Contains("review rule critical-wording", tickets[0].History.Single(h => h.Type == HistoryTypes.Routed).Message, StringComparison.Ordinal);
        Assert.Contains("review rule low-rating", tickets[1].History.Single(h => h.Type == HistoryTypes.Routed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CriticalReview_PolledTwice_QueuesExactlyOneCriticalChatAlert()
    {
        appFollow.Page(Android, 1, null, 1, Review("gp:crit", rating: 1, version: "4.2.0", content: "I lost all my messages after the update!"));
        appFollow.Page(Ios, 1, null, 0);
        await StartAsync();

        var created = Assert.Single(await IngestAsync());
        var replayed = Assert.Single(await IngestAsync());

        Assert.Equal(IntakeOutcome.Duplicate, replayed.Outcome);
        var alerts = await ChatAlertsAsync(ReviewAlerts.CriticalKind);
        var alert = Assert.Single(alerts);
        Assert.Equal(created.TicketId, alert.TicketId);
        Assert.Equal(created.Number, alert.TicketNumber);
        Assert.Equal("#mobile", alert.Data[ChatEvents.Channel]);
        Assert.Equal("1", alert.Data["rating"]);
        Assert.Equal("4.2.0", alert.Data["appVersion"]);
        Assert.Equal("Google Play", alert.Data["store"]);
        Assert.Equal($"https://support.example.com/#/tickets/{created.Number}", alert.Data["link"]);
        Assert.Contains("1★ on Google Play, version 4.2.0", alert.Data[ChatEvents.Title], StringComparison.Ordinal);
        Assert.Empty(await ChatAlertsAsync(ReviewAlerts.FrequentKind));
    }

    [Fact]
    public async Task BurstOfSimilarReviews_ThresholdPlusThree_QueuesExactlyOneFrequentAlert()
    {
        var burst = Enumerable.Range(1, 8)
            .Select(i => Review($"gp:login-{i}", rating: 4, version: "4.2.0", time: $"10:{i:00}:00", title: "", content: $"Keeps asking me to sign in again ({i})"))
            .ToArray();
        appFollow.Page(Android, 1, null, 1, burst);
        appFollow.Page(Ios, 1, null, 0);
        await StartAsync();

        var results = await IngestAsync();
        await IngestAsync();

        Assert.Equal(8, results.Count(r => r.Outcome == IntakeOutcome.Created));
        var alert = Assert.Single(await ChatAlertsAsync(ReviewAlerts.FrequentKind));
        Assert.Equal(results[4].TicketId, alert.TicketId);
        Assert.Equal("5", alert.Data["count"]);
        Assert.Equal("4.2.0", alert.Data["versions"]);
        Assert.Equal(string.Join(", ", results.Take(5).Select(r => $"#{r.Number}")), alert.Data["tickets"]);
        Assert.Contains("login", alert.Data[ChatEvents.Title], StringComparison.Ordinal);
        Assert.Empty(await ChatAlertsAsync(ReviewAlerts.CriticalKind));
    }

    [Fact]
    public async Task AgentReply_ThroughTheWorkflowAndTheOutbox_IsPostedToAppFollowOnce()
    {
        var review = Review("gp:reply-me", rating: 2, content: "The app crashes when I open a room.");
        appFollow.Page(Android, 1, null, 1, review);
        appFollow.Page(Ios, 1, null, 0);
        appFollow.Answerable(Android, review, failures: 1);
        await StartAsync(TimeProvider.System, hosted: true);
        var created = Assert.Single(await IngestAsync());

        var replied = await provider!.GetRequiredService<TicketWorkflow>().ReplyAsync(created.TicketId!, new Reply("Thanks! 4.2.1 fixes the crash.", "ana.souza"));
        await Eventually.WaitUntilAsync(() => appFollow.AcceptedReplies.Count == 1);

        Assert.Null(replied.Error);
        var body = Body(Assert.Single(appFollow.AcceptedReplies));
        Assert.Equal(("gp:reply-me", Android, "Thanks! 4.2.1 fixes the crash."), ((string?)body["review_id"], (string?)body["ext_id"], (string?)body["answer_text"]));
        Assert.Equal(2, appFollow.ReplyRequests.Count);
    }

    public async ValueTask DisposeAsync()
    {
        if (provider is not null)
        {
            foreach (var service in Enumerable.Reverse(started))
            {
                await service.StopAsync(CancellationToken.None);
            }

            await provider.DisposeAsync();
        }

        appFollow.Dispose();
    }

    private async Task StartAsync(TimeProvider? time = null, bool hosted = false)
    {
        var settings = AdapterHarness.Qualify(AppFollowSettings.Section, AppFollowSettings.For(appFollow, new Dictionary<string, string?>
        {
            ["SyncHub:Reviews:TicketLink"] = "https://support.example.com/#/tickets/{number}",
            ["SyncHub:Outbox:PollInterval"] = "00:00:00.010",
            ["SyncHub:Outbox:RetryDelay"] = "00:00:00.010",
            ["SyncHub:Outbox:MaxRetryDelay"] = "00:00:00.050",
        }));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton(time ?? new FakeTimeProvider(AppFollowSettings.Now));
        var hub = services.AddSyncHubCore(configuration);
        services.AddInMemoryStore();
        hub.AddModule(new AppFollowModule());
        provider = services.BuildServiceProvider();
        started.AddRange(hosted
            ? provider.GetServices<IHostedService>().Where(s => s is not PollerService)
            : [provider.GetRequiredService<IntakePipeline>()]);
        foreach (var service in started)
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    /// <summary>One full poll of every app, each record submitted to the pipeline as the poller does; the outcomes in order.</summary>
    private async Task<List<IntakeResult>> IngestAsync()
    {
        var source = provider!.GetRequiredService<AppFollowSource>();
        var pipeline = provider!.GetRequiredService<IIntakePipeline>();
        var results = new List<IntakeResult>();
        string? cursor = null;
        for (var i = 0; i < 20; i++)
        {
            var page = await source.FetchAsync(cursor, CancellationToken.None);
            foreach (var record in page.Records)
            {
                results.Add(await pipeline.SubmitAsync(record));
            }

            cursor = page.NextCursor;
            if (!page.HasMore)
            {
                break;
            }
        }

        return results;
    }

    private async Task<List<OutboxEvent>> ChatAlertsAsync(string kind) =>
        [.. (await Store.ReadOutboxAsync(null, 1000))
            .Select(e => e.Event)
            .Where(e => e.Type == ChatEvents.Message && e.Data.GetValueOrDefault(ChatEvents.Kind) == kind)];
}
