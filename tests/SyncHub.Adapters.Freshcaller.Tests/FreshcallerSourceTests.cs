using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using SyncHub.Domain;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.Freshcaller.Tests.FreshcallerFake;

namespace SyncHub.Adapters.Freshcaller.Tests;

public sealed class FreshcallerSourceTests : IDisposable
{
    private readonly FreshcallerFake freshcaller = new();

    private AdapterHarness CreateSut(IDictionary<string, string?>? settings = null) => FreshcallerSettings.Harness(freshcaller, settings);

    [Fact]
    public async Task FetchAsync_SeveralPagesThenTheLastPage_ReturnsEveryCallOnceOldestFirst()
    {
        freshcaller.Page(1, 3, 5, Call(101, "2026-11-30T08:05:00Z"), Call(102, "2026-11-30T08:10:00Z"));
        freshcaller.Page(2, 3, 5, Call(103, "2026-11-30T09:00:00Z"), Call(104, "2026-11-30T09:30:00Z"));
        freshcaller.Page(3, 3, 5, Call(105, "2026-11-30T11:00:00Z"));
        using var sut = CreateSut();

        var pages = await sut.Get<FreshcallerSource>().ReadAllAsync();

        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        Assert.Equal(["101", "102", "103", "104", "105"], pages.SelectMany(p => p.Records).Select(r => r.ExternalId));
        Assert.Equal(["1", "2", "3"], freshcaller.RequestedPages);
        Assert.Equal("2026-11-30T11:55:00Z", pages[^1].NextCursor);
        Assert.All(freshcaller.Requests, r =>
        {
            Assert.Equal(FreshcallerFake.ApiKey, r.RequestMessage.Headers!["X-Api-Auth"].Single());
            Assert.Equal("2", Query(r, "per_page"));
            Assert.Equal("2026-11-30T08:00:00Z", Query(r, "by_time[from]"));
            Assert.Equal("2026-11-30T11:55:00Z", Query(r, "by_time[to]"));
        });
    }

    [Fact]
    public async Task FetchAsync_PagesListedNewestFirst_ReadsTheOldestPageFirstAndEveryCallOnce()
    {
        freshcaller.Page(1, 3, 5, Call(105, "2026-11-30T11:00:00Z"), Call(104, "2026-11-30T09:30:00Z"));
        freshcaller.Page(2, 3, 5, Call(103, "2026-11-30T09:00:00Z"), Call(102, "2026-11-30T08:10:00Z"));
        freshcaller.Page(3, 3, 5, Call(101, "2026-11-30T08:05:00Z"));
        using var sut = CreateSut();

        var pages = await sut.Get<FreshcallerSource>().ReadAllAsync();

        Assert.Equal(["101", "102", "103", "104", "105"], pages.SelectMany(p => p.Records).Select(r => r.ExternalId));
        Assert.Equal(["1", "3", "2", "1"], freshcaller.RequestedPages);
        Assert.False(pages[^1].HasMore);
    }

    [Fact]
    public async Task FetchAsync_EmptyAnswer_NoRecordsAndTheCursorMovesToTheWindowEnd()
    {
        freshcaller.Page(1, 0, 0);
        using var sut = CreateSut();

        var page = await sut.Get<FreshcallerSource>().FetchAsync(null, CancellationToken.None);

        Assert.Empty(page.Records);
        Assert.False(page.HasMore);
        Assert.Equal("2026-11-30T11:55:00Z", page.NextCursor);
    }

    [Fact]
    public async Task FetchAsync_NoStartFromOnTheFirstPoll_StartsAtTheSettleHorizonWithoutAsking()
    {
        using var sut = CreateSut(new Dictionary<string, string?> { ["StartFrom"] = null });

        var page = await sut.Get<FreshcallerSource>().FetchAsync(null, CancellationToken.None);

        Assert.Empty(page.Records);
        Assert.Equal("2026-11-30T11:55:00Z", page.NextCursor);
        Assert.Empty(freshcaller.Requests);
    }

    [Fact]
    public async Task FetchAsync_Unauthorized_ThrowsAClearErrorNamingFreshcallerWithoutTheKey()
    {
        freshcaller.Error(401, "unauthenticated", "Invalid API key");
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<FreshcallerAuthenticationException>(() => sut.Get<FreshcallerSource>().FetchAsync(null, CancellationToken.None));

        Assert.Contains("Freshcaller", error.Message, StringComparison.Ordinal);
        Assert.Contains("SyncHub:Adapters:Freshcaller:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FreshcallerFake.ApiKey, error.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Single(freshcaller.Requests);
        Assert.DoesNotContain(sut.Logs.GetSnapshot(), l => l.Message.Contains(FreshcallerFake.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_RateLimitedWithRetryAfter_WaitsRetriesAndSkipsNothing()
    {
        freshcaller.FailOnceThen(429, "2", Call(101, "2026-11-30T08:05:00Z"), Call(102, "2026-11-30T08:10:00Z"));
        using var sut = CreateSut();

        var page = await sut.PumpAsync(sut.Get<FreshcallerSource>().FetchAsync(null, CancellationToken.None), TimeSpan.FromMilliseconds(250));

        Assert.Equal(["101", "102"], page.Records.Select(r => r.ExternalId));
        Assert.Equal(2, freshcaller.Requests.Count);
        Assert.Equal("2026-11-30T11:55:00Z", page.NextCursor);

        // The retry waited for Retry-After on the (virtual) clock, not for the 10 ms backoff.
        Assert.True(sut.Time.GetUtcNow() - FreshcallerSettings.Now >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task FetchAsync_ServerErrorThenSuccess_RetriesTheSamePage()
    {
        freshcaller.FailOnceThen(503, null, Call(101, "2026-11-30T08:05:00Z"));
        using var sut = CreateSut();

        var page = await sut.PumpAsync(sut.Get<FreshcallerSource>().FetchAsync(null, CancellationToken.None), TimeSpan.FromMilliseconds(50));

        Assert.Equal("101", Assert.Single(page.Records).ExternalId);
        Assert.Equal(["1", "1"], freshcaller.RequestedPages);
    }

    [Fact]
    public async Task FetchAsync_RateLimitedLongerThanMaxRetryAfter_FailsTheFetchAndKeepsTheCursor()
    {
        freshcaller.FailOnceThen(429, "3600", Call(101, "2026-11-30T08:05:00Z"));
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<FreshcallerException>(() => sut.Get<FreshcallerSource>().FetchAsync(null, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Contains("3600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_NewSourceInstanceAfterRestart_ContinuesFromTheCursorWithoutLossOrDuplicate()
    {
        freshcaller.Page(1, 3, 5, Call(101, "2026-11-30T08:05:00Z"), Call(102, "2026-11-30T08:10:00Z"));
        freshcaller.Page(2, 3, 5, Call(103, "2026-11-30T09:00:00Z"), Call(104, "2026-11-30T09:30:00Z"));
        freshcaller.Page(3, 3, 5, Call(105, "2026-11-30T11:00:00Z"));
        string? cursor;
        var seen = new List<string>();
        using (var before = CreateSut())
        {
            var first = await before.Get<FreshcallerSource>().FetchAsync(null, CancellationToken.None);
            seen.AddRange(first.Records.Select(r => r.ExternalId));
            cursor = first.NextCursor;
        }

        using var after = CreateSut();
        var rest = await after.Get<FreshcallerSource>().ReadAllAsync(cursor);
        seen.AddRange(rest.SelectMany(p => p.Records).Select(r => r.ExternalId));

        Assert.Equal(["101", "102", "103", "104", "105"], seen);
        Assert.Equal(["1", "2", "3"], freshcaller.RequestedPages);
    }

    [Fact]
    public async Task FetchAsync_PageSizeChangedMidWindow_FinishesTheWindowWithItsOwnPageSize()
    {
        freshcaller.Page(1, 2, 3, Call(101, "2026-11-30T08:05:00Z"), Call(102, "2026-11-30T08:10:00Z"));
        freshcaller.Page(2, 2, 3, Call(103, "2026-11-30T09:00:00Z"));
        string? cursor;
        using (var before = CreateSut())
        {
            cursor = (await before.Get<FreshcallerSource>().FetchAsync(null, CancellationToken.None)).NextCursor;
        }

        using var after = CreateSut(new Dictionary<string, string?> { ["PageSize"] = "100" });
        var rest = await after.Get<FreshcallerSource>().FetchAsync(cursor, CancellationToken.None);

        Assert.Equal("103", Assert.Single(rest.Records).ExternalId);
        Assert.Equal("2", Query(freshcaller.Requests[^1], "per_page"));
        Assert.Equal("2026-11-30T08:00:00Z|2026-11-30T11:55:00Z|2|2|3|asc", cursor);
    }

    [Fact]
    public async Task FetchAsync_NextPoll_ReadsOnlyTheWindowAfterTheCursor()
    {
        freshcaller.Window("2026-11-30T11:55:00Z", Call(201, "2026-11-30T11:55:00Z"), Call(202, "2026-11-30T12:30:00Z"));
        using var sut = CreateSut();
        sut.Time.Advance(TimeSpan.FromHours(1));

        var page = await sut.Get<FreshcallerSource>().FetchAsync("2026-11-30T11:55:00Z", CancellationToken.None);

        Assert.Equal(["201", "202"], page.Records.Select(r => r.ExternalId));
        Assert.Equal("2026-11-30T12:55:00Z", page.NextCursor);
        Assert.Equal("2026-11-30T12:55:00Z", Query(Assert.Single(freshcaller.Requests), "by_time[to]"));
    }

    [Fact]
    public async Task FetchAsync_CallsOnTheWindowBounds_EachBelongsToExactlyOneWindow()
    {
        // Freshcaller's by_time filter includes both ends: the call at 11:55:00 comes back in both windows.
        freshcaller.Window("2026-11-30T08:00:00Z", Call(101, "2026-11-30T08:00:00Z"), Call(102, "2026-11-30T11:55:00Z"));
        freshcaller.Window("2026-11-30T11:55:00Z", Call(102, "2026-11-30T11:55:00Z"), Call(103, "2026-11-30T12:00:00Z"));
        using var sut = CreateSut();

        var first = await sut.Get<FreshcallerSource>().FetchAsync(null, CancellationToken.None);
        sut.Time.Advance(TimeSpan.FromMinutes(10));
        var second = await sut.Get<FreshcallerSource>().FetchAsync(first.NextCursor, CancellationToken.None);

        Assert.Equal(["101"], first.Records.Select(r => r.ExternalId));
        Assert.Equal(["102", "103"], second.Records.Select(r => r.ExternalId));
    }

    [Fact]
    public async Task FetchAsync_WindowLongerThanMaxWindow_WalksHistoryWindowByWindow()
    {
        freshcaller.Window("2026-11-28T00:00:00Z", Call(1, "2026-11-28T10:00:00Z"));
        freshcaller.Window("2026-11-29T00:00:00Z", Call(2, "2026-11-29T10:00:00Z"));
        freshcaller.Window("2026-11-30T00:00:00Z", Call(3, "2026-11-30T10:00:00Z"));
        using var sut = CreateSut(new Dictionary<string, string?> { ["StartFrom"] = "2026-11-28T00:00:00Z", ["MaxWindow"] = "1.00:00:00" });

        var pages = await sut.Get<FreshcallerSource>().ReadAllAsync();

        Assert.Equal(["1", "2", "3"], pages.SelectMany(p => p.Records).Select(r => r.ExternalId));
        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        Assert.Equal("2026-11-30T11:55:00Z", pages[^1].NextCursor);
    }

    [Fact]
    public async Task FetchAsync_WindowCountChangesWhilePaging_ReadsTheWindowAgainFromItsStart()
    {
        freshcaller.Page(1, 2, 3, Call(101, "2026-11-30T08:05:00Z"), Call(102, "2026-11-30T08:10:00Z"));
        freshcaller.Page(2, 2, 4, Call(104, "2026-11-30T09:30:00Z"));
        using var sut = CreateSut();

        var first = await sut.Get<FreshcallerSource>().FetchAsync(null, CancellationToken.None);
        var second = await sut.Get<FreshcallerSource>().FetchAsync(first.NextCursor, CancellationToken.None);

        Assert.Empty(second.Records);
        Assert.True(second.HasMore);
        Assert.Equal("2026-11-30T08:00:00Z", second.NextCursor);
    }

    [Fact]
    public async Task FetchAsync_ChildLegOfATransferredCall_CarriesTheParentsThreadKeyAndItsNotes()
    {
        freshcaller.Page(
            1,
            1,
            2,
            Call(101, "2026-11-30T08:05:00Z"),
            Call(102, "2026-11-30T08:06:00Z", parentCallId: 101, notes: "Transferred to second level: license server unreachable."));
        using var sut = CreateSut();

        var page = await sut.Get<FreshcallerSource>().FetchAsync(null, CancellationToken.None);

        Assert.Equal(["101", "102"], page.Records.Select(r => r.ExternalId));
        Assert.All(page.Records, r => Assert.Equal("freshcaller:call:101", r.ThreadKey));
        var leg = page.Records[1];
        Assert.Equal("Transferred to second level: license server unreachable.", leg.Body);
        Assert.Equal("Hotline call from +5511987654321 (transfer leg)", leg.Subject);
        Assert.Equal("101", leg.Diagnostics["parentCallId"]);
    }

    [Fact]
    public async Task FetchAsync_LegOfALegWithRootCallId_ThreadsOntoTheRootCall()
    {
        var grandchild = Call(103, "2026-11-30T08:07:00Z", parentCallId: 102);
        grandchild["root_call_id"] = 101;
        freshcaller.Page(1, 1, 1, grandchild);
        using var sut = CreateSut();

        var record = Assert.Single((await sut.Get<FreshcallerSource>().FetchAsync(null, CancellationToken.None)).Records);

        Assert.Equal("freshcaller:call:101", record.ThreadKey);
        Assert.Equal("102", record.Diagnostics["parentCallId"]);
    }

    [Fact]
    public async Task FetchAsync_OneCallWithAFieldOfTheWrongType_StoresTheOthersLogsItAndMovesTheCursor()
    {
        var wrongNumber = Call(102, "2026-11-30T08:10:00Z");
        wrongNumber["bill_duration"] = "abc";
        var objectForNumber = Call(103, "2026-11-30T09:00:00Z");
        objectForNumber["participants"]![0]!["duration"] = new JsonObject { ["value"] = 184 };
        var noId = Call(0, "2026-11-30T09:10:00Z");
        noId.Remove("id");
        freshcaller.Page(1, 1, 5, Call(101, "2026-11-30T08:05:00Z"), wrongNumber, objectForNumber, noId, Call(104, "2026-11-30T09:30:00Z"));
        using var sut = CreateSut();
        using var unreadable = new MetricCollector<long>(sut.Provider.GetRequiredService<IMeterFactory>(), FreshcallerSource.MeterName, FreshcallerSource.UnreadableCounter);

        var page = await sut.Get<FreshcallerSource>().FetchAsync(null, CancellationToken.None);

        Assert.Equal(["101", "104"], page.Records.Select(r => r.ExternalId));
        Assert.False(page.HasMore);
        Assert.Equal("2026-11-30T11:55:00Z", page.NextCursor);
        Assert.Equal(3, unreadable.GetMeasurementSnapshot().EvaluateAsCounter());
        var errors = sut.Logs.GetSnapshot().Where(l => l.Level == LogLevel.Error).Select(l => l.Message).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, m => m.Contains("call 102", StringComparison.Ordinal) && m.Contains("$.bill_duration", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("call 103", StringComparison.Ordinal) && m.Contains("duration", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("call (none)", StringComparison.Ordinal) && m.Contains("no id", StringComparison.Ordinal));
        Assert.DoesNotContain(sut.Logs.GetSnapshot(), l => l.Message.Contains("cannot log in", StringComparison.Ordinal));
        Assert.Equal(["102", "103", null], page.Unreadable.Select(u => u.ExternalId));
        Assert.Contains("$.bill_duration", page.Unreadable[0].Reason, StringComparison.Ordinal);
        Assert.Contains("\"bill_duration\":\"abc\"", page.Unreadable[0].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_UnreadableCallOnTheWindowsEnd_IsLeftToTheNextWindow()
    {
        var onTheEnd = Call(102, "2026-11-30T11:55:00Z");
        onTheEnd["bill_duration"] = "abc";
        freshcaller.Page(1, 1, 2, Call(101, "2026-11-30T08:05:00Z"), onTheEnd);
        using var sut = CreateSut();

        var page = await sut.Get<FreshcallerSource>().FetchAsync(null, CancellationToken.None);

        Assert.Equal("101", Assert.Single(page.Records).ExternalId);
        Assert.DoesNotContain(sut.Logs.GetSnapshot(), l => l.Level == LogLevel.Error);
    }

    [Fact]
    public async Task FetchAsync_DocumentedCall_MapsEveryField()
    {
        var call = Call(131489691, "2026-11-30T07:15:12.323-03:00", customerNumber: "+5511987654321", notes: "  Login fails after upgrade.  ");
        freshcaller.Page(1, 1, 1, call);
        using var sut = CreateSut();

        var record = Assert.Single((await sut.Get<FreshcallerSource>().FetchAsync(null, CancellationToken.None)).Records);

        Assert.Equal("Freshcaller", record.Source);
        Assert.Equal("131489691", record.ExternalId);
        Assert.Equal(Channel.Phone, record.Channel);
        Assert.Equal(new Requester(Name: "Ana Souza", Phone: "+5511987654321"), record.Requester);
        Assert.Equal("Hotline call from +5511987654321", record.Subject);
        Assert.Equal("Login fails after upgrade.", record.Body);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 15, 12, 323, TimeSpan.Zero), record.ReceivedAt);
        Assert.Equal("freshcaller:call:131489691", record.ThreadKey);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["direction"] = "incoming",
                ["duration"] = "184",
                ["agent"] = "João Gabriel",
                ["recordingUrl"] = "https://acme.freshcaller.com/api/v1/calls/131489691/recording",
                ["callStatus"] = "1",
                ["line"] = "+551142001124",
                ["team"] = "Hotline",
                ["queue"] = "Paid support",
            },
            record.Diagnostics);
    }

    [Fact]
    public async Task FetchAsync_OutgoingCallWithoutNotes_SaysToWhomAndHasAnEmptyBody()
    {
        freshcaller.Page(1, 1, 1, Call(7, "2026-11-30T08:05:00Z", direction: "outgoing", notes: null, customerName: "+5521999990000", customerNumber: "+5521999990000"));
        using var sut = CreateSut();

        var record = Assert.Single((await sut.Get<FreshcallerSource>().FetchAsync(null, CancellationToken.None)).Records);

        Assert.Equal("Hotline call to +5521999990000", record.Subject);
        Assert.Equal("", record.Body);
        Assert.Null(record.Requester.Name);
        Assert.Equal("outgoing", record.Diagnostics["direction"]);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("2026-11-30T08:00:00Z|2026-11-30T07:00:00Z|2|2|5|asc")]
    [InlineData("2026-11-30T08:00:00Z|2026-11-30T09:00:00Z|0|2|5|asc")]
    [InlineData("2026-11-30T08:00:00Z|2026-11-30T09:00:00Z|2|5|asc")]
    public async Task FetchAsync_ForeignCursor_FailsNamingTheCheckpoint(string cursor)
    {
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<FreshcallerException>(() => sut.Get<FreshcallerSource>().FetchAsync(cursor, CancellationToken.None));

        Assert.Contains("Freshcaller cursor", error.Message, StringComparison.Ordinal);
        Assert.Empty(freshcaller.Requests);
    }

    public void Dispose() => freshcaller.Dispose();
}
