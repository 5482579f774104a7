using System.Net;
using SyncHub.Domain;
using SyncHub.Reviews;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.AppFollow.Tests.AppFollowFake;

namespace SyncHub.Adapters.AppFollow.Tests;

public sealed class AppFollowSourceTests : IDisposable
{
    private readonly AppFollowFake appFollow = new();

    private AdapterHarness CreateSut(IDictionary<string, string?>? settings = null) => AppFollowSettings.Harness(appFollow, settings);

    [Fact]
    public async Task FetchAsync_SeveralPagesOfTwoStores_ReadsOnePageOfOneAppPerFetchAndEveryReviewOnce()
    {
        appFollow.Page(Android, 1, 2, 2, Review("gp:AOqpTOF1", time: "10:00:00"), Review("gp:AOqpTOF2", time: "08:00:00"));
        appFollow.Page(Android, 2, null, 2, Review("gp:AOqpTOF3", date: "2026-11-29"));
        appFollow.Page(Ios, 1, null, 1, Review(884964243, store: "as", title: "Login broken"));
        using var sut = CreateSut();

        var pages = await sut.Get<AppFollowSource>().ReadAllAsync();

        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        Assert.Equal(
            ["gp:chat.rocket.android:gp:AOqpTOF2", "gp:chat.rocket.android:gp:AOqpTOF1"],
            pages[0].Records.Select(r => r.ExternalId));
        Assert.Equal("gp:chat.rocket.android:gp:AOqpTOF3", Assert.Single(pages[1].Records).ExternalId);
        var ios = Assert.Single(pages[2].Records);
        Assert.Equal("as:1148741252:884964243", ios.ExternalId);
        Assert.Equal("as", ios.Diagnostics["store"]);
        Assert.Equal([Android, Android, Ios], appFollow.ReviewRequests.Select(r => Query(r, "ext_id")));
        Assert.Equal(["1", "2", "1"], appFollow.ReviewRequests.Select(r => Query(r, "page")));
        Assert.All(appFollow.ReviewRequests, r =>
        {
            Assert.Equal(Token, r.RequestMessage.Headers!["X-AppFollow-API-Token"].Single());
            Assert.Equal("2026-11-29", Query(r, "from"));
            Assert.Equal("2026-11-30", Query(r, "to"));
        });
    }

    [Fact]
    public async Task FetchAsync_NextRound_StartsEachAppAtTheLastDayItRead()
    {
        appFollow.Page(Android, 1, null, 1, Review("gp:AOqpTOF1"));
        appFollow.Page(Ios, 1, null, 0);
        using var sut = CreateSut();
        var first = await sut.Get<AppFollowSource>().ReadAllAsync();

        sut.Time.Advance(TimeSpan.FromDays(1));
        var second = await sut.Get<AppFollowSource>().ReadAllAsync(first[^1].NextCursor);

        Assert.Equal(2, second.Count);
        var requests = appFollow.ReviewRequests.Skip(2).ToList();
        Assert.All(requests, r => Assert.Equal(("2026-11-30", "2026-12-01"), (Query(r, "from"), Query(r, "to"))));

        // The review read again is the same record: the store's idempotency absorbs it.
        Assert.Equal(first[0].Records.Single().ExternalId, second[0].Records.Single().ExternalId);
    }

    [Fact]
    public async Task FetchAsync_EmptyPage_ReturnsNoRecordsAndMovesOn()
    {
        appFollow.Page(Android, 1, null, 0);
        using var sut = CreateSut();

        var page = await sut.Get<AppFollowSource>().FetchAsync(null, CancellationToken.None);

        Assert.Empty(page.Records);
        Assert.True(page.HasMore);
        Assert.Contains("\"next\":1", page.NextCursor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_RateLimitedWithRetryAfter_WaitsOnTheClockAndRetries()
    {
        appFollow.FailOnceThen(429, "2", Android, Review("gp:AOqpTOF1"));
        using var sut = CreateSut();

        var page = await sut.PumpAsync(sut.Get<AppFollowSource>().FetchAsync(null, CancellationToken.None), TimeSpan.FromMilliseconds(250));

        Assert.Equal("gp:chat.rocket.android:gp:AOqpTOF1", Assert.Single(page.Records).ExternalId);
        Assert.Equal(2, appFollow.ReviewRequests.Count);
        Assert.True(sut.Time.GetUtcNow() - AppFollowSettings.Now >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task FetchAsync_RateLimitedLongerThanMaxRetryAfter_FailsTheFetchNamingTheLimit()
    {
        appFollow.Error(429, "Rate limit exceeded", retryAfter: "3600");
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<AppFollowException>(() => sut.Get<AppFollowSource>().FetchAsync(null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Contains("Retry-After 3600", error.Message, StringComparison.Ordinal);
        Assert.Single(appFollow.ReviewRequests);
    }

    [Fact]
    public async Task FetchAsync_OutOfCredits_FailsClearlyOnceThenLeavesAppFollowAloneForTheCreditsPause()
    {
        appFollow.Error(402, "Not enough API credits");
        using var sut = CreateSut(new Dictionary<string, string?> { ["CreditsPause"] = "00:30:00" });
        var source = sut.Get<AppFollowSource>();

        var error = await Assert.ThrowsAsync<AppFollowCreditsException>(() => source.FetchAsync(null, CancellationToken.None));

        Assert.Contains("out of API credits", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 402: Not enough API credits", error.Message, StringComparison.Ordinal);
        Assert.Contains("SyncHub:Adapters:AppFollow:CreditsPause", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.PaymentRequired, error.StatusCode);
        Assert.Equal(AppFollowSettings.Now.AddMinutes(30), error.PausedUntil);
        Assert.Single(appFollow.ReviewRequests);

        // Within the pause: the poller's retries fail at once, without a request and without another log line.
        sut.Time.Advance(TimeSpan.FromMinutes(29));
        var paused = await Assert.ThrowsAsync<AppFollowCreditsException>(() => source.FetchAsync(null, CancellationToken.None));
        Assert.Contains("out of API credits", paused.Message, StringComparison.Ordinal);
        Assert.Equal(error.PausedUntil, paused.PausedUntil);
        Assert.Single(appFollow.ReviewRequests);
        Assert.Single(sut.Logs.GetSnapshot(), l => l.Id.Id == 8005);
        Assert.DoesNotContain(sut.Logs.GetSnapshot(), l => l.Message.Contains(Token, StringComparison.Ordinal));

        // Credits bought: after the pause the source reads again.
        appFollow.Reset();
        appFollow.Page(Android, 1, null, 1, Review("gp:AOqpTOF1"));
        sut.Time.Advance(TimeSpan.FromMinutes(1));
        var page = await source.FetchAsync(null, CancellationToken.None);
        Assert.Single(page.Records);
    }

    [Fact]
    public async Task FetchAsync_OutOfCreditsAcrossPausesAndARestart_AlertsTheTeamOnceAndOnceMoreWhenReadingWorksAgain()
    {
        appFollow.Error(402, "Not enough API credits");
        var alerts = new RecordingTeamAlerts();
        var pause = new Dictionary<string, string?> { ["CreditsPause"] = "00:30:00" };
        using var sut = AppFollowSettings.Harness(appFollow, pause, alerts);

        await Assert.ThrowsAsync<AppFollowCreditsException>(() => sut.Get<AppFollowSource>().FetchAsync(null, CancellationToken.None));
        var alert = Assert.Single(alerts.Sent);
        Assert.Equal(("appfollow:credits:2026-11-30", "appfollow-credits", "AppFollow is out of API credits"), (alert.Key, alert.Kind, alert.Title));
        Assert.Contains("HTTP 402", alert.Text, StringComparison.Ordinal);
        Assert.Contains("SyncHub:Adapters:AppFollow:CreditsPause", alert.Text, StringComparison.Ordinal);
        Assert.Contains("2026-11-30 12:30 UTC", alert.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, alert.Text, StringComparison.Ordinal);

        // Polls within the pause and another 402 after it belong to the same episode.
        sut.Time.Advance(TimeSpan.FromMinutes(10));
        await Assert.ThrowsAsync<AppFollowCreditsException>(() => sut.Get<AppFollowSource>().FetchAsync(null, CancellationToken.None));
        sut.Time.Advance(TimeSpan.FromMinutes(21));
        await Assert.ThrowsAsync<AppFollowCreditsException>(() => sut.Get<AppFollowSource>().FetchAsync(null, CancellationToken.None));
        Assert.Equal(2, appFollow.ReviewRequests.Count);

        // A restarted hub meets the 402 again the same day: the alert's key is taken, nothing more reaches the chat.
        using (var restarted = AppFollowSettings.Harness(appFollow, pause, alerts, sut.Time))
        {
            await Assert.ThrowsAsync<AppFollowCreditsException>(() => restarted.Get<AppFollowSource>().FetchAsync(null, CancellationToken.None));
        }

        Assert.Single(alerts.Sent);

        // Credits bought: the first read that works says so once.
        appFollow.Reset();
        appFollow.Page(Android, 1, null, 1, Review("gp:AOqpTOF1"));
        appFollow.Page(Ios, 1, null, 0);
        sut.Time.Advance(TimeSpan.FromMinutes(30));
        await sut.Get<AppFollowSource>().ReadAllAsync();
        await sut.Get<AppFollowSource>().ReadAllAsync();

        Assert.Equal(2, alerts.Sent.Count);
        var back = alerts.Sent[1];
        Assert.Equal(("appfollow:credits-back:2026-11-30", "appfollow-credits-back", "AppFollow answers again"), (back.Key, back.Kind, back.Title));
        Assert.Contains("since 2026-11-30 12:00 UTC", back.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_OutOfCreditsAgainTheDayCreditsCameBack_AlertsTheNewEpisode()
    {
        appFollow.Error(402, "Not enough API credits");
        var alerts = new RecordingTeamAlerts();
        using var sut = AppFollowSettings.Harness(appFollow, new Dictionary<string, string?> { ["CreditsPause"] = "00:30:00" }, alerts);
        var source = sut.Get<AppFollowSource>();
        await Assert.ThrowsAsync<AppFollowCreditsException>(() => source.FetchAsync(null, CancellationToken.None));
        appFollow.Reset();
        appFollow.Page(Android, 1, null, 0);
        sut.Time.Advance(TimeSpan.FromMinutes(30));
        await source.FetchAsync(null, CancellationToken.None);

        appFollow.Reset();
        appFollow.Error(402, "Not enough API credits");
        sut.Time.Advance(TimeSpan.FromHours(2));
        await Assert.ThrowsAsync<AppFollowCreditsException>(() => source.FetchAsync(null, CancellationToken.None));

        Assert.Equal(
            ["appfollow:credits:2026-11-30", "appfollow:credits-back:2026-11-30", "appfollow:credits:2026-11-30T14:30"],
            alerts.Sent.Select(a => a.Key));
    }

    [Fact]
    public async Task FetchAsync_AlertNotStoredAtThe402_IsRaisedAtTheNextPausedFetch()
    {
        appFollow.Error(402, "Not enough API credits");
        var alerts = new RecordingTeamAlerts();
        alerts.FailNext(1);
        using var sut = AppFollowSettings.Harness(appFollow, alerts: alerts);
        var source = sut.Get<AppFollowSource>();

        var error = await Assert.ThrowsAsync<AppFollowCreditsException>(() => source.FetchAsync(null, CancellationToken.None));
        Assert.Empty(alerts.Sent);
        Assert.Single(sut.Logs.GetSnapshot(), l => l.Id.Id == 8006);

        sut.Time.Advance(TimeSpan.FromMinutes(5));
        await Assert.ThrowsAsync<AppFollowCreditsException>(() => source.FetchAsync(null, CancellationToken.None));

        Assert.Equal("appfollow:credits:2026-11-30", Assert.Single(alerts.Sent).Key);
        Assert.Single(appFollow.ReviewRequests);
        Assert.Equal(HttpStatusCode.PaymentRequired, error.StatusCode);
    }

    [Fact]
    public async Task FetchAsync_InvalidToken_ThrowsAClearErrorNamingTheKeyWithoutTheToken()
    {
        using var sut = CreateSut(new Dictionary<string, string?> { ["ApiToken"] = "expired-token-0000" });

        var error = await Assert.ThrowsAsync<AppFollowRejectedException>(() => sut.Get<AppFollowSource>().FetchAsync(null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("SyncHub:Adapters:AppFollow:ApiToken", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid or expired API token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("expired-token-0000", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sut.Logs.GetSnapshot(), l => l.Message.Contains("expired-token-0000", StringComparison.Ordinal));
        Assert.Contains(sut.Logs.GetSnapshot(), l => l.Id.Id == 8004);
    }

    [Fact]
    public async Task FetchAsync_ReviewWithEmojiAndNoTitle_TakesTheFirstWordsAsSubjectWithEmojiIntact()
    {
        var text = "Adoro o app 👨‍👩‍👧‍👦🚀 mas desde a última versão as notificações chegam atrasadas e às vezes nem chegam, por favor corrijam";
        appFollow.Page(Android, 1, null, 1, Review("gp:AOqpTOF9", title: "", content: text, rating: 4));
        using var sut = CreateSut();

        var record = Assert.Single((await sut.Get<AppFollowSource>().FetchAsync(null, CancellationToken.None)).Records);

        Assert.Equal(text, record.Body);
        Assert.StartsWith("Adoro o app 👨‍👩‍👧‍👦🚀 mas", record.Subject, StringComparison.Ordinal);
        Assert.EndsWith("…", record.Subject, StringComparison.Ordinal);
        Assert.StartsWith(record.Subject[..^1], text, StringComparison.Ordinal);
        Assert.Equal(Channel.AppReview, record.Channel);
        Assert.Equal("Ana Souza", record.Requester.Name);
        Assert.Equal("4", record.Diagnostics["rating"]);
        Assert.Equal("4.2.0", record.Diagnostics["appVersion"]);
        Assert.Equal("pt", record.Diagnostics["locale"]);
        Assert.Equal("Pixel 7", record.Diagnostics["device"]);
        Assert.Equal(Android, record.Diagnostics["appId"]);
        Assert.Equal("appfollow:review:gp:chat.rocket.android:gp:AOqpTOF9", record.ThreadKey);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 15, 12, TimeSpan.Zero), record.ReceivedAt);
    }

    [Fact]
    public async Task FetchAsync_EditedReview_GetsItsOwnExternalIdAndTheReviewsThreadKey()
    {
        appFollow.Page(Android, 1, null, 1, Review("gp:AOqpTOF1", rating: 1, wasChanged: 1, updated: "2026-11-30 11:02:03", track: "beta"));
        using var sut = CreateSut();

        var record = Assert.Single((await sut.Get<AppFollowSource>().FetchAsync(null, CancellationToken.None)).Records);

        Assert.Equal("gp:chat.rocket.android:gp:AOqpTOF1@20261130T110203Z", record.ExternalId);
        Assert.Equal("appfollow:review:gp:chat.rocket.android:gp:AOqpTOF1", record.ThreadKey);
        Assert.StartsWith("Edited review (1★): ", record.Subject, StringComparison.Ordinal);
        Assert.Equal("beta", record.Diagnostics["track"]);
        Assert.True(AppFollowReviewKey.TryParse(record.ExternalId, out var key));
        Assert.Equal(new AppFollowReviewKey("gp", Android, "gp:AOqpTOF1"), key);
    }

    [Fact]
    public async Task FetchAsync_ReviewOfAnAppListedAsBeta_CarriesTheAppStoreAndTrackTheBetaSettingsMatch()
    {
        appFollow.Page(Android, 1, null, 1, Review("gp:AOqpTOF1", track: "open-testing"));
        appFollow.Page(Ios, 1, null, 1, Review(884964243, store: "as", title: "Login broken"));
        using var sut = CreateSut();
        var rules = ReviewRules.Create(new ReviewOptions
        {
            BetaApps =
            [
                new BetaAppOptions { AppId = Ios, Store = "AppStore" },
                new BetaAppOptions { AppId = Android, Store = "GooglePlay", Tracks = ["open-testing"] },
            ],
        });

        var pages = await sut.Get<AppFollowSource>().ReadAllAsync();
        var android = rules.Beta(ReviewFacts.From(Assert.Single(pages[0].Records)));
        var ios = rules.Beta(ReviewFacts.From(Assert.Single(pages[1].Records)));

        Assert.Equal((true, "the open-testing track of Google Play app chat.rocket.android is listed as beta (SyncHub:Reviews:BetaApps)"), android);
        Assert.Equal((true, "App Store app 1148741252 is listed as beta (SyncHub:Reviews:BetaApps)"), ios);
    }

    [Fact]
    public async Task FetchAsync_CursorNotWrittenByTheAdapter_FailsNamingTheCheckpoint()
    {
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<AppFollowException>(() => sut.Get<AppFollowSource>().FetchAsync("2026-11-30T00:00:00Z", CancellationToken.None));

        Assert.Contains("AppFollow checkpoint", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => appFollow.Dispose();
}
