using SyncHub.Domain;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.Twitter.Tests.TwitterFake;

namespace SyncHub.Adapters.Twitter.Tests;

public sealed class TwitterSourceTests : IDisposable
{
    private readonly TwitterFake x = new();

    private AdapterHarness CreateSut(IDictionary<string, string?>? settings = null) => TwitterSettings.Harness(x, settings);

    [Fact]
    public async Task FetchAsync_BacklogOfSeveralPages_FollowsEveryPageAndCommitsSinceIdOnlyAfterTheLast()
    {
        x.Page(null, null, "t-page2", [Tweet("1110", "@RocketChat five"), Tweet("1109", "@RocketChat four")]);
        x.Page(null, "t-page2", "t-page3", [Tweet("1108", "@RocketChat three"), Tweet("1107", "@RocketChat two")]);
        x.Page(null, "t-page3", null, [Tweet("1106", "@RocketChat one")]);
        using var sut = CreateSut();

        var pages = await sut.Get<TwitterSource>().ReadAllAsync();

        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        Assert.Equal(["|1110|t-page2", "|1110|t-page3", "1110"], pages.Select(p => p.NextCursor));
        Assert.Equal(["1109", "1110", "1107", "1108", "1106"], pages.SelectMany(p => p.Records).Select(r => r.ExternalId));
        Assert.Equal([null, "t-page2", "t-page3"], x.RequestedTokens);
        Assert.All(x.Requests, r =>
        {
            Assert.Equal("Bearer " + BearerToken, r.RequestMessage.Headers!["Authorization"].Single());
            Assert.Equal("5", Query(r, "max_results"));
            Assert.Equal("author_id", Query(r, "expansions"));
            Assert.Equal("created_at,author_id,conversation_id,lang,referenced_tweets,entities,note_tweet,edit_history_tweet_ids", Query(r, "tweet.fields"));
            Assert.Equal("username,name", Query(r, "user.fields"));
            Assert.Null(Query(r, "since_id"));
        });
    }

    [Fact]
    public async Task FetchAsync_RoundAfterASinceId_KeepsThatSinceIdOnEveryPageAndCommitsTheRoundsNewestAtTheEnd()
    {
        x.Page("1110", null, "t-older", [Tweet("1113", "@RocketChat newest"), Tweet("1112", "@RocketChat newer")]);
        x.Page("1110", "t-older", null, [Tweet("1111", "@RocketChat new")]);
        using var sut = CreateSut();

        var pages = await sut.Get<TwitterSource>().ReadAllAsync("1110");

        Assert.Equal(["1110|1113|t-older", "1113"], pages.Select(p => p.NextCursor));
        Assert.Equal(["1110", "1110"], x.RequestedSinceIds);
        Assert.Equal(["1112", "1113", "1111"], pages.SelectMany(p => p.Records).Select(r => r.ExternalId));
    }

    [Fact]
    public async Task FetchAsync_SecondPoll_AsksOnlyForMentionsAfterTheCommittedSinceId()
    {
        x.Page(null, null, null, [Tweet("1110", "@RocketChat first")]);
        x.Page("1110", null, null, [Tweet("1111", "@RocketChat second")]);
        using var sut = CreateSut();

        var first = await sut.Get<TwitterSource>().FetchAsync(null, CancellationToken.None);
        var second = await sut.Get<TwitterSource>().FetchAsync(first.NextCursor, CancellationToken.None);

        Assert.Equal("1110", first.NextCursor);
        Assert.Equal("1111", Assert.Single(second.Records).ExternalId);
        Assert.Equal("1111", second.NextCursor);
        Assert.Equal([null, "1110"], x.RequestedSinceIds);
    }

    [Fact]
    public async Task FetchAsync_EditedPosts_ThreadOntoTheOriginalsConversationWithTheirOwnIds()
    {
        // X's documented edit: a new post id whose edit_history_tweet_ids lists the original first, then the edit.
        x.Page(null, null, null,
        [
            Tweet("1587946527955329024", "@RocketChat Dogs are the best! (edited)", conversationId: "1587946527955329024", editOf: "1587946525245804544"),
            Tweet("1587946529000000000", "@RocketChat still broken (edited)", conversationId: "1587946500000000000", repliedTo: "1587946500000000000", editOf: "1587946528000000000"),
            Tweet("1587946526000000000", "@RocketChat a post never edited"),
        ]);
        using var sut = CreateSut();

        var records = (await sut.Get<TwitterSource>().FetchAsync(null, CancellationToken.None)).Records.ToDictionary(r => r.ExternalId);

        Assert.Equal("twitter:conv:1587946525245804544", records["1587946527955329024"].ThreadKey);
        Assert.Equal("1587946525245804544", records["1587946527955329024"].Diagnostics["editOf"]);
        Assert.Equal("twitter:conv:1587946500000000000", records["1587946529000000000"].ThreadKey);
        Assert.Equal("1587946528000000000", records["1587946529000000000"].Diagnostics["editOf"]);
        Assert.Equal("twitter:conv:1587946526000000000", records["1587946526000000000"].ThreadKey);
        Assert.False(records["1587946526000000000"].Diagnostics.ContainsKey("editOf"));
    }

    [Fact]
    public async Task FetchAsync_NoNewMentions_KeepsTheSinceId()
    {
        x.Page("1110", null, null, []);
        using var sut = CreateSut();

        var page = await sut.Get<TwitterSource>().FetchAsync("1110", CancellationToken.None);

        Assert.Empty(page.Records);
        Assert.False(page.HasMore);
        Assert.Equal("1110", page.NextCursor);
    }

    [Fact]
    public async Task FetchAsync_RestartMidBacklog_NewSourceContinuesFromTheCommittedCursorWithoutLossOrDuplicate()
    {
        x.Page("1100", null, "t-2", [Tweet("1106", "@RocketChat f"), Tweet("1105", "@RocketChat e")]);
        x.Page("1100", "t-2", "t-3", [Tweet("1104", "@RocketChat d"), Tweet("1103", "@RocketChat c")]);
        x.Page("1100", "t-3", null, [Tweet("1102", "@RocketChat b"), Tweet("1101", "@RocketChat a")]);
        var stored = new List<string>();
        string committed;
        using (var before = CreateSut())
        {
            var page = await before.Get<TwitterSource>().FetchAsync("1100", CancellationToken.None);
            stored.AddRange(page.Records.Select(r => r.ExternalId));
            committed = page.NextCursor!;

            // The process dies here: page 2 is fetched but never stored, so its cursor is never committed.
            _ = await before.Get<TwitterSource>().FetchAsync(committed, CancellationToken.None);
        }

        using var after = CreateSut();
        var rest = await after.Get<TwitterSource>().ReadAllAsync(committed);
        stored.AddRange(rest.SelectMany(p => p.Records).Select(r => r.ExternalId));

        Assert.Equal("1100|1106|t-2", committed);
        Assert.Equal(["1101", "1102", "1103", "1104", "1105", "1106"], stored.Order(StringComparer.Ordinal));
        Assert.Equal("1106", rest[^1].NextCursor);
        Assert.Equal(["1100", "1100", "1100", "1100"], x.RequestedSinceIds);
    }

    [Fact]
    public async Task FetchAsync_RateLimitedWithReset_WaitsUntilTheResetOnTheClockAndContinuesFromTheCursor()
    {
        var reset = TwitterSettings.Now.AddSeconds(90);
        x.RateLimitedOnceThen(reset, "1110", "t-2", null, Tweet("1108", "@RocketChat rate limited but not lost"));
        using var sut = CreateSut();

        var page = await sut.PumpAsync(sut.Get<TwitterSource>().FetchAsync("1110|1112|t-2", CancellationToken.None), TimeSpan.FromSeconds(5));

        Assert.Equal("1108", Assert.Single(page.Records).ExternalId);
        Assert.Equal("1112", page.NextCursor);
        Assert.Equal(["t-2", "t-2"], x.RequestedTokens);
        Assert.True(sut.Time.GetUtcNow() >= reset);
        Assert.Contains(sut.Logs.GetSnapshot(), l => l.Id.Id == 7004);
    }

    [Fact]
    public async Task FetchAsync_RemainingZero_PausesTheNextRequestUntilTheWindowResets()
    {
        var reset = TwitterSettings.Now.AddSeconds(120);
        x.Page("1110", null, "t-2", [Tweet("1112", "@RocketChat page one")], remaining: 0, reset: reset);
        x.Page("1110", "t-2", null, [Tweet("1111", "@RocketChat page two")]);
        using var sut = CreateSut();
        var first = await sut.Get<TwitterSource>().FetchAsync("1110", CancellationToken.None);

        var second = sut.Get<TwitterSource>().FetchAsync(first.NextCursor, CancellationToken.None);
        Assert.False(second.IsCompleted);
        sut.Time.Advance(TimeSpan.FromSeconds(119));
        await Task.Delay(20);
        Assert.Single(x.Requests);
        var page = await sut.PumpAsync(second, TimeSpan.FromSeconds(1));

        Assert.Equal("1111", Assert.Single(page.Records).ExternalId);
        Assert.Equal("1112", page.NextCursor);
        Assert.Equal(2, x.Requests.Count);
        Assert.True(sut.Time.GetUtcNow() >= reset);
        Assert.Contains(sut.Logs.GetSnapshot(), l => l.Id.Id == 7003);
    }

    [Fact]
    public async Task FetchAsync_ResetLaterThanMaxRateLimitWait_FailsWithTheResetInstantAndKeepsTheCursor()
    {
        var reset = TwitterSettings.Now.AddHours(3);
        x.Page("1110", null, "t-2", [Tweet("1112", "@RocketChat page one")], remaining: 0, reset: reset);
        using var sut = CreateSut();
        var first = await sut.Get<TwitterSource>().FetchAsync("1110", CancellationToken.None);

        var error = await Assert.ThrowsAsync<TwitterRateLimitedException>(() => sut.Get<TwitterSource>().FetchAsync(first.NextCursor, CancellationToken.None));

        Assert.Equal(reset, error.ResetAt);
        Assert.Contains("SyncHub:Adapters:Twitter:MaxRateLimitWait", error.Message, StringComparison.Ordinal);
        Assert.Single(x.Requests);
    }

    [Fact]
    public async Task FetchAsync_MentionWithEmojiAndALongNoteTweet_KeepsTheFullTextIntact()
    {
        var emoji = "@RocketChat our server 🚀 crashed again 😭👨‍👩‍👧 since 6.4 — can someone help? 🙏";
        var longText = "@RocketChat " + string.Concat(Enumerable.Repeat("The desktop app loses the connection every few minutes after the upgrade. ", 6)) + "🔥 end";
        x.Page(null, null, null,
        [
            Tweet("1121", longText[..275] + "…", noteText: longText),
            Tweet("1120", emoji),
        ]);
        using var sut = CreateSut();

        var page = await sut.Get<TwitterSource>().FetchAsync(null, CancellationToken.None);

        var records = page.Records.ToDictionary(r => r.ExternalId);
        Assert.Equal(emoji, records["1120"].Body);
        Assert.True(longText.Length > 280);
        Assert.Equal(longText, records["1121"].Body);
        Assert.All(page.Records, r => Assert.True(r.Subject.Length <= 80));
        Assert.StartsWith("our server 🚀 crashed again 😭👨‍👩‍👧", records["1120"].Subject, StringComparison.Ordinal);
        Assert.EndsWith("…", records["1121"].Subject, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(records["1121"].Subject[^2]));
    }

    [Fact]
    public async Task FetchAsync_Mention_MapsToATwitterRecordWithRequesterHandleLangAndConversationThread()
    {
        x.Page(null, null, null, [Tweet("1130", "@RocketChat login fails with 2FA &amp; SSO &lt;6.4&gt;", lang: "pt", created: "2026-11-30T11:45:10.000Z")]);
        using var sut = CreateSut();

        var record = Assert.Single((await sut.Get<TwitterSource>().FetchAsync(null, CancellationToken.None)).Records);

        Assert.Equal(("Twitter", "1130"), (record.Source, record.ExternalId));
        Assert.Equal(Channel.Twitter, record.Channel);
        Assert.Equal(new Requester(Name: "Ana Souza", Handle: "@anasouza_dev"), record.Requester);
        Assert.Equal("@RocketChat login fails with 2FA & SSO <6.4>", record.Body);
        Assert.Equal("login fails with 2FA & SSO <6.4>", record.Subject);
        Assert.Equal("twitter:conv:1130", record.ThreadKey);
        Assert.Null(record.ThreadWindow);
        Assert.Equal("pt", record.Diagnostics["lang"]);
        Assert.Equal("https://x.com/anasouza_dev/status/1130", record.Diagnostics["url"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 11, 45, 10, TimeSpan.Zero), record.ReceivedAt);
    }

    [Fact]
    public async Task FetchAsync_ReplyInAConversation_GetsTheConversationsThreadKey()
    {
        x.Page(null, null, null,
        [
            Tweet("1142", "@anasouza_dev @RocketChat still broken after restarting", conversationId: "1140", repliedTo: "1141"),
            Tweet("1140", "@RocketChat push notifications stopped on Android"),
        ]);
        using var sut = CreateSut();

        var records = (await sut.Get<TwitterSource>().FetchAsync(null, CancellationToken.None)).Records;

        Assert.Equal(["1140", "1142"], records.Select(r => r.ExternalId));
        Assert.All(records, r => Assert.Equal("twitter:conv:1140", r.ThreadKey));
        Assert.Equal("1141", records[1].Diagnostics["inReplyTo"]);
        Assert.Equal("still broken after restarting", records[1].Subject);
    }

    [Fact]
    public async Task FetchAsync_RepostsAndTheSupportAccountsOwnPosts_MakeNoRecordButMoveTheCursor()
    {
        x.Page(null, null, null,
        [
            Tweet("1152", "RT @RocketChat: 7.0 is out", retweeted: "1000"),
            Tweet("1151", "@RocketChat thanks, we are on it", authorId: SupportUserId),
            Tweet("1150", "@RocketChat real question"),
        ]);
        using var sut = CreateSut();

        var page = await sut.Get<TwitterSource>().FetchAsync(null, CancellationToken.None);

        Assert.Equal("1150", Assert.Single(page.Records).ExternalId);
        Assert.Equal("1152", page.NextCursor);
    }

    [Fact]
    public async Task FetchAsync_FirstSyncWithStartTime_AsksFromThatTimeOnlyUntilASinceIdExists()
    {
        x.Page(null, null, null, [Tweet("1160", "@RocketChat hi")]);
        x.Page("1160", null, null, []);
        using var sut = CreateSut(new Dictionary<string, string?> { ["StartTime"] = "2026-11-29T00:00:00Z" });

        var first = await sut.Get<TwitterSource>().FetchAsync(null, CancellationToken.None);
        await sut.Get<TwitterSource>().FetchAsync(first.NextCursor, CancellationToken.None);

        Assert.Equal(["2026-11-29T00:00:00Z", null], x.Requests.Select(r => Query(r, "start_time")));
    }

    [Fact]
    public async Task FetchAsync_PaginationTokenRefused_ReadsTheRoundAgainFromItsSinceId()
    {
        x.Problem(400, "Invalid Request", "One or more parameters to your request was invalid.", "pagination_token", "t-stale");
        x.Page("1110", null, null, [Tweet("1112", "@RocketChat again"), Tweet("1111", "@RocketChat once more")]);
        using var sut = CreateSut();

        var page = await sut.Get<TwitterSource>().FetchAsync("1110|1112|t-stale", CancellationToken.None);

        Assert.Equal(["1111", "1112"], page.Records.Select(r => r.ExternalId));
        Assert.Equal("1112", page.NextCursor);
        Assert.Equal(["t-stale", null], x.RequestedTokens);
        Assert.Contains(sut.Logs.GetSnapshot(), l => l.Id.Id == 7006);
    }

    [Fact]
    public async Task FetchAsync_Unauthorized_ThrowsAClearErrorWithoutTheToken()
    {
        x.Problem(401, "Unauthorized", "Unauthorized");
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<TwitterAuthenticationException>(() => sut.Get<TwitterSource>().FetchAsync(null, CancellationToken.None));

        Assert.Contains("SyncHub:Adapters:Twitter:BearerToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BearerToken, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sut.Logs.GetSnapshot(), l => l.Message.Contains(BearerToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_ServerError_ThrowsAndTheCursorIsNotMoved()
    {
        x.Problem(503, "Service Unavailable", "Service Unavailable");
        using var sut = CreateSut(new Dictionary<string, string?> { ["MaxRetryAttempts"] = "0" });

        var error = await Assert.ThrowsAsync<TwitterException>(() => sut.Get<TwitterSource>().FetchAsync("1110", CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("12|x|t")]
    [InlineData("12|13|")]
    public async Task FetchAsync_ForeignCursor_ThrowsNamingTheCheckpoint(string cursor)
    {
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<TwitterException>(() => sut.Get<TwitterSource>().FetchAsync(cursor, CancellationToken.None));

        Assert.Contains("Twitter checkpoint", error.Message, StringComparison.Ordinal);
        Assert.Empty(x.Requests);
    }

    [Fact]
    public async Task FetchAsync_NeverLogsPostText()
    {
        x.Page(null, null, null, [Tweet("1170", "@RocketChat my secret server address is chat.internal.example")]);
        using var sut = CreateSut();

        await sut.Get<TwitterSource>().FetchAsync(null, CancellationToken.None);

        Assert.DoesNotContain(sut.Logs.GetSnapshot(), l => l.Message.Contains("chat.internal.example", StringComparison.Ordinal));
    }

    public void Dispose() => x.Dispose();
}
