using System.Text.Json.Nodes;
using SyncHub.Domain;

namespace SyncHub.Adapters.JsonFeed.Tests;

public sealed class JsonFeedSourceTests : IDisposable
{
    private readonly FeedFake feed = new();

    public void Dispose() => feed.Dispose();

    [Fact]
    public async Task FetchAsync_FirstPoll_MapsEveryFieldOldestFirst()
    {
        feed.Serve(
            FeedFake.Item(2, "2026-03-10T09:30:00Z", "Invoice is wrong", channel: "email"),
            FeedFake.Item(1, "2026-03-10T05:15:00-03:00", "Export fails"));
        using var harness = FeedSettings.Harness(feed);

        var page = await harness.Get<JsonFeedSource>().FetchAsync(null, CancellationToken.None);

        Assert.Equal(["req-1", "req-2"], page.Records.Select(r => r.ExternalId));
        var first = page.Records[0];
        Assert.Equal("JsonFeed", first.Source);
        Assert.Equal("Export fails", first.Subject);
        Assert.Equal("Request 1: the nightly export stops at 80%.", first.Body);
        Assert.Equal(new Requester("Customer 1", "customer1@example.com"), first.Requester);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 8, 15, 0, TimeSpan.Zero), first.ReceivedAt);
        Assert.Equal(Channel.Web, first.Channel);
        Assert.Equal(Channel.Email, page.Records[1].Channel);
        Assert.Equal("2026-03-10T09:30:00Z", page.NextCursor);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task FetchAsync_StoredCursor_HandsOverOnlyLaterItems()
    {
        feed.Serve(
            FeedFake.Item(3, "2026-03-10T10:00:00Z"),
            FeedFake.Item(2, "2026-03-10T09:30:00Z"),
            FeedFake.Item(1, "2026-03-10T08:15:00Z"));
        using var harness = FeedSettings.Harness(feed);

        var page = await harness.Get<JsonFeedSource>().FetchAsync("2026-03-10T09:30:00Z", CancellationToken.None);
        var caughtUp = await harness.Get<JsonFeedSource>().FetchAsync(page.NextCursor, CancellationToken.None);

        Assert.Equal(["req-3"], page.Records.Select(r => r.ExternalId));
        Assert.Equal("2026-03-10T10:00:00Z", page.NextCursor);
        Assert.Empty(caughtUp.Records);
        Assert.Equal("2026-03-10T10:00:00Z", caughtUp.NextCursor);
    }

    [Fact]
    public async Task FetchAsync_NumericCursor_ComparesByValueNotText()
    {
        feed.Serve(FeedFake.Item(9, "2026-03-10T08:00:00Z"), FeedFake.Item(10, "2026-03-10T08:01:00Z"), FeedFake.Item(11, "2026-03-10T08:02:00Z"));
        using var harness = FeedSettings.Harness(feed, new Dictionary<string, string?> { ["CursorField"] = "$.seq" });

        var page = await harness.Get<JsonFeedSource>().FetchAsync("9", CancellationToken.None);

        Assert.Equal(["req-10", "req-11"], page.Records.Select(r => r.ExternalId));
        Assert.Equal("11", page.NextCursor);
    }

    [Fact]
    public async Task FetchAsync_MoreItemsThanAPage_PagesOldestFirstWithoutSplittingTies()
    {
        feed.Serve(
            FeedFake.Item(1, "2026-03-10T08:00:00Z"),
            FeedFake.Item(2, "2026-03-10T08:01:00Z"),
            FeedFake.Item(3, "2026-03-10T08:01:00Z"),
            FeedFake.Item(4, "2026-03-10T08:02:00Z"));
        using var harness = FeedSettings.Harness(feed, new Dictionary<string, string?> { ["MaxItemsPerPoll"] = "2" });

        var first = await harness.Get<JsonFeedSource>().FetchAsync(null, CancellationToken.None);
        var second = await harness.Get<JsonFeedSource>().FetchAsync(first.NextCursor, CancellationToken.None);

        // The second and third item share a cursor value: cutting between them would skip the third for good.
        Assert.Equal(["req-1", "req-2", "req-3"], first.Records.Select(r => r.ExternalId));
        Assert.True(first.HasMore);
        Assert.Equal(["req-4"], second.Records.Select(r => r.ExternalId));
        Assert.False(second.HasMore);
    }

    [Fact]
    public async Task FetchAsync_HeadersAndCursorParameter_AreSent()
    {
        feed.Serve(FeedFake.Item(5, "2026-03-10T08:00:00Z"));
        using var harness = FeedSettings.Harness(feed, new Dictionary<string, string?> { ["CursorParameter"] = "since" });

        await harness.Get<JsonFeedSource>().FetchAsync(null, CancellationToken.None);
        await harness.Get<JsonFeedSource>().FetchAsync("2026-03-10T07:00:00Z", CancellationToken.None);

        var requests = feed.Requests;
        Assert.All(requests, r => Assert.Equal(FeedFake.ApiKey, r.RequestMessage.Headers!["X-Api-Key"].Single()));
        Assert.False(requests[0].RequestMessage.Query?.ContainsKey("since") ?? false);
        Assert.Equal("2026-03-10T07:00:00Z", requests[1].RequestMessage.Query!["since"].Single());
    }

    [Fact]
    public async Task FetchAsync_NoCursorField_ReadsTheWholeFeedEveryTime()
    {
        feed.Serve(FeedFake.Item(1, "2026-03-10T08:00:00Z"), FeedFake.Item(2, "2026-03-10T08:01:00Z"));
        using var harness = FeedSettings.Harness(feed, new Dictionary<string, string?> { ["CursorField"] = "" });

        var first = await harness.Get<JsonFeedSource>().FetchAsync(null, CancellationToken.None);
        var again = await harness.Get<JsonFeedSource>().FetchAsync(first.NextCursor, CancellationToken.None);

        Assert.Equal(2, first.Records.Count);
        Assert.Null(first.NextCursor);
        Assert.Equal(2, again.Records.Count);
    }

    [Fact]
    public async Task FetchAsync_ItemWithoutId_GetsAStableContentHash()
    {
        var item = FeedFake.Item(7, "2026-03-10T08:00:00Z");
        item.Remove("id");
        feed.Serve(item);
        using var harness = FeedSettings.Harness(feed);

        var first = await harness.Get<JsonFeedSource>().FetchAsync(null, CancellationToken.None);
        var again = await harness.Get<JsonFeedSource>().FetchAsync(null, CancellationToken.None);

        Assert.StartsWith("sha256:", first.Records[0].ExternalId, StringComparison.Ordinal);
        Assert.Equal(first.Records[0].ExternalId, again.Records[0].ExternalId);
    }

    [Fact]
    public async Task FetchAsync_ItemsWithoutCursorOrNotObjects_AreSkippedWithAWarning()
    {
        var noCursor = FeedFake.Item(8, "2026-03-10T08:00:00Z");
        noCursor.Remove("updatedAt");
        feed.ServeBody(new JsonObject { ["data"] = new JsonObject { ["items"] = new JsonArray(noCursor, JsonValue.Create(42), FeedFake.Item(9, "2026-03-10T08:05:00Z")) } }.ToJsonString());
        using var harness = FeedSettings.Harness(feed);

        var page = await harness.Get<JsonFeedSource>().FetchAsync(null, CancellationToken.None);

        Assert.Equal(["req-9"], page.Records.Select(r => r.ExternalId));
        var warnings = harness.Logs.GetSnapshot().Where(l => l.Id.Id == 9002).Select(l => l.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("req-8", StringComparison.Ordinal) && w.Contains("$.updatedAt", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), l => l.Message.Contains(FeedFake.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_MissingOptionalFields_FallBackToBodyLineAndReadTime()
    {
        feed.Serve(new JsonObject { ["id"] = "bare-1", ["description"] = "Printer offline\nsince the update", ["updatedAt"] = "2026-03-10T08:00:00Z" });
        using var harness = FeedSettings.Harness(feed, new Dictionary<string, string?> { ["Fields:ReceivedAt"] = "$.receivedAt" });

        var record = (await harness.Get<JsonFeedSource>().FetchAsync(null, CancellationToken.None)).Records.Single();

        Assert.Equal("Printer offline since the update", record.Subject);
        Assert.Equal(Requester.Unknown, record.Requester with { Name = null, Email = null });
        Assert.Equal(FeedSettings.Now, record.ReceivedAt);
    }

    [Theory]
    [InlineData(500, "{}")]
    [InlineData(401, "{\"error\":\"bad key\"}")]
    [InlineData(200, "<html>maintenance</html>")]
    [InlineData(200, "{\"data\":{\"items\":{\"id\":1}}}")]
    public async Task FetchAsync_BadAnswer_ThrowsSoTheCoreRetriesFromTheSameCursor(int status, string body)
    {
        feed.ServeBody(body, status);
        using var harness = FeedSettings.Harness(feed);

        var error = await Assert.ThrowsAsync<JsonFeedException>(() => harness.Get<JsonFeedSource>().FetchAsync("2026-03-10T08:00:00Z", CancellationToken.None));

        Assert.DoesNotContain(FeedFake.ApiKey, error.Message, StringComparison.Ordinal);
    }
}
