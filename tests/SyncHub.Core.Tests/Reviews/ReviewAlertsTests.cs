using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Core.Tests.Policies;
using SyncHub.Domain;
using SyncHub.Hosting;
using SyncHub.Pipeline;
using SyncHub.Reviews;
using SyncHub.Storage;
using SyncHub.Testing.Doubles;

namespace SyncHub.Core.Tests.Reviews;

/// <summary>The alerts hook behind the real pipeline over the in-memory store, on a fake clock.</summary>
public sealed class ReviewAlertsTests : IAsyncDisposable
{
    private ServiceProvider? provider;

    private IIntakePipeline Pipeline => provider!.GetRequiredService<IIntakePipeline>();

    private ITicketStore Store => provider!.GetRequiredService<ITicketStore>();

    [Fact]
    public async Task CriticalReview_ReplayedAfterAnInterruptedHook_AlertsOnce()
    {
        await StartAsync();

        var created = await Pipeline.SubmitAsync(ReviewTestRecords.Review("gp:app:1", rating: 1));
        var replayed = await Pipeline.SubmitAsync(ReviewTestRecords.Review("gp:app:1", rating: 1));

        Assert.Equal(IntakeOutcome.Duplicate, replayed.Outcome);
        var alert = Assert.Single(await AlertsAsync(ReviewAlerts.CriticalKind));
        Assert.Equal($"{created.TicketId}:{ReviewAlerts.CriticalKind}", alert.Id);
        var ticket = (await Store.GetAsync(created.TicketId!))!;
        Assert.Single(ticket.History, h => h.Type == ReviewAlerts.CriticalKind);
        Assert.Single(ticket.History, h => h.Type == ReviewAlerts.RoutingType);
        Assert.Equal("remote-support", ticket.Team);
    }

    [Fact]
    public async Task CriticalReview_TheTicketIsCreatedWithItsAlertLinkedByTheNumber()
    {
        await StartAsync(("SyncHub:Reviews:TicketLink", "https://support.example.com/#/tickets/{number}?id={id}&n={number}"));

        var created = await Pipeline.SubmitAsync(ReviewTestRecords.Review("gp:app:1", rating: 1));
        var replayed = await Pipeline.SubmitAsync(ReviewTestRecords.Review("gp:app:1", rating: 1));

        Assert.Equal((IntakeOutcome.Created, IntakeOutcome.Duplicate), (created.Outcome, replayed.Outcome));
        var ticket = (await Store.GetAsync(created.TicketId!))!;
        Assert.Equal(1, ticket.Version);
        Assert.Equal(ReviewAlerts.RoutingType, ticket.History[^2].Type);
        var entry = ticket.History[^1];
        Assert.Equal((ReviewAlerts.CriticalKind, "Critical review (rating 1 ≤ 2, mentions \"crash\"): alert queued to #mobile"), (entry.Type, entry.Message));
        var events = (await Store.ReadOutboxAsync(null, 100)).Select(e => e.Event).ToList();
        Assert.Equal([OutboxEventTypes.TicketCreated, ChatEvents.Message], events.Select(e => e.Type));
        var alert = events[1];
        Assert.Equal((created.Number, $"{created.TicketId}:{ReviewAlerts.CriticalKind}"), (alert.TicketNumber, alert.Id));
        Assert.Equal(alert.Id, entry.Data?["eventId"]);
        var link = $"https://support.example.com/#/tickets/{created.Number}?id={created.TicketId}&n={created.Number}";
        Assert.Equal(link, alert.Data["link"]);
        Assert.EndsWith($"\n{link}", alert.Data[ChatEvents.Text], StringComparison.Ordinal);
        Assert.Equal("Critical app review: 1★ on Google Play, version 4.2.0", alert.Data[ChatEvents.Title]);
    }

    [Fact]
    public async Task ReviewOfAnAppListedAsBeta_GoesToTheInHouseTeamAndTheHistorySaysWhy()
    {
        await StartAsync(("SyncHub:Reviews:BetaApps:0:AppId", "12345"), ("SyncHub:Reviews:BetaApps:0:Store", "AppStore"));

        var created = await Pipeline.SubmitAsync(ReviewTestRecords.Review("as:12345:1", rating: 4, text: "Nice release.", version: "4.2.0", store: "as", appId: "12345"));

        var ticket = (await Store.GetAsync(created.TicketId!))!;
        Assert.Equal("mobile-inhouse", ticket.Team);
        var routing = Assert.Single(ticket.History, h => h.Type == ReviewAlerts.RoutingType);
        Assert.Equal("Team mobile-inhouse: beta review, App Store app 12345 is listed as beta (SyncHub:Reviews:BetaApps)", routing.Message);
    }

    [Fact]
    public async Task OldReview_FromTheFirstSyncOfAHistory_IsRoutedButSendsNoAlert()
    {
        await StartAsync(("SyncHub:Reviews:Frequent:Threshold", "2"));

        await Pipeline.SubmitAsync(ReviewTestRecords.Review("gp:app:1", rating: 1, at: ReviewTestRecords.Now.AddDays(-30)));
        var second = await Pipeline.SubmitAsync(ReviewTestRecords.Review("gp:app:2", rating: 1, at: ReviewTestRecords.Now.AddDays(-30).AddMinutes(5)));

        Assert.Empty(await AlertsAsync(ReviewAlerts.CriticalKind));
        Assert.Empty(await AlertsAsync(ReviewAlerts.FrequentKind));
        Assert.Equal(Priority.High, (await Store.GetAsync(second.TicketId!))!.Priority);
    }

    [Fact]
    public async Task EditedReview_ThatBecomesCritical_AlertsOnItsTicketWithoutCountingAgain()
    {
        await StartAsync(("SyncHub:Reviews:Frequent:Threshold", "2"));
        var first = await Pipeline.SubmitAsync(ReviewTestRecords.Review("gp:app:1", rating: 4, text: "Sometimes it crashes.", threadKey: "appfollow:review:gp:app:1"));

        var edited = await Pipeline.SubmitAsync(ReviewTestRecords.Review("gp:app:1@20261130T113000Z", rating: 1, text: "Now it crashes all the time.", threadKey: "appfollow:review:gp:app:1"));

        Assert.Equal(IntakeOutcome.Threaded, edited.Outcome);
        Assert.Equal(first.TicketId, Assert.Single(await AlertsAsync(ReviewAlerts.CriticalKind)).TicketId);
        Assert.Empty(await AlertsAsync(ReviewAlerts.FrequentKind));
    }

    [Fact]
    public async Task WebTicket_GetsNoReviewSteps()
    {
        await StartAsync();

        var created = await Pipeline.SubmitAsync(Records.Web("w-1"));

        var ticket = (await Store.GetAsync(created.TicketId!))!;
        Assert.DoesNotContain(ticket.History, h => h.Type.StartsWith("review-", StringComparison.Ordinal));
        Assert.Null(ticket.Team);
    }

    [Fact]
    public async Task AlertSettings_ChannelMentionAndNoCriticalAlerts_AreHonoured()
    {
        await StartAsync(
            ("SyncHub:Reviews:CriticalAlerts", "false"),
            ("SyncHub:Reviews:MobileChannel", "#android-team"),
            ("SyncHub:Reviews:MobileMention", "lead.mobile"),
            ("SyncHub:Reviews:Frequent:Threshold", "2"));

        await Pipeline.SubmitAsync(ReviewTestRecords.Review("gp:app:1", rating: 1));
        await Pipeline.SubmitAsync(ReviewTestRecords.Review("gp:app:2", rating: 1));

        Assert.Empty(await AlertsAsync(ReviewAlerts.CriticalKind));
        var frequent = Assert.Single(await AlertsAsync(ReviewAlerts.FrequentKind));
        Assert.Equal(("#android-team", "lead.mobile"), (frequent.Data[ChatEvents.Channel], frequent.Data[ChatEvents.Mention]));
        Assert.Contains("2 reviews", frequent.Data[ChatEvents.Text], StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (provider is not null)
        {
            await provider.GetRequiredService<IntakePipeline>().StopAsync(CancellationToken.None);
            await provider.DisposeAsync();
        }
    }

    private async Task StartAsync(params (string Key, string? Value)[] settings)
    {
        var configuration = TestConfig.Build(settings);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(ReviewTestRecords.Now));
        services.AddSyncHubCore(configuration);
        services.AddInMemoryStore();
        services.AddReviewPolicies(configuration);
        provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IntakePipeline>().StartAsync(CancellationToken.None);
    }

    private async Task<List<OutboxEvent>> AlertsAsync(string kind) =>
        [.. (await Store.ReadOutboxAsync(null, 1000)).Select(e => e.Event).Where(e => e.Data.GetValueOrDefault(ChatEvents.Kind) == kind)];
}
