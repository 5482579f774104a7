using System.Globalization;
using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.JsonFeed.Tests;

public sealed class JsonFeedSourceConformanceTests : PollingSourceConformance<JsonFeedSource>
{
    private readonly FeedFake feed;

    public JsonFeedSourceConformanceTests() => feed = Track(new FeedFake());

    protected override DateTimeOffset Start => FeedSettings.Now;

    protected override IEnumerable<string> Secrets => [FeedFake.ApiKey];

    protected override JsonFeedSource CreateSource() =>
        Harness(new JsonFeedModule(), FeedSettings.For(feed, new Dictionary<string, string?> { ["MaxItemsPerPoll"] = "2", ["Timeout"] = "00:10:00" })).Get<JsonFeedSource>();

    protected override Task<IReadOnlyCollection<string>> ArrangeBacklogAsync()
    {
        feed.Serve([.. Enumerable.Range(1, 5).Select(Item)]);
        return Task.FromResult<IReadOnlyCollection<string>>(["req-1", "req-2", "req-3", "req-4", "req-5"]);
    }

    protected override Task ArrangeUnavailableAsync()
    {
        feed.ServeBody("{\"error\":\"maintenance\"}", 503);
        return Task.CompletedTask;
    }

    protected override Task ArrangeCredentialsRefusedAsync()
    {
        feed.ServeBody("{\"error\":\"bad key\"}", 401);
        return Task.CompletedTask;
    }

    protected override Task ArrangeRateLimitedOnceAsync(TimeSpan wait)
    {
        feed.RateLimitedOnceThen(Seconds(wait), [.. Enumerable.Range(1, 5).Select(Item)]);
        return Task.CompletedTask;
    }

    protected override Task ArrangeRateLimitedAsync(TimeSpan wait)
    {
        feed.ServeBody("{}", 429, Seconds(wait));
        return Task.CompletedTask;
    }

    private static System.Text.Json.Nodes.JsonObject Item(int id) => FeedFake.Item(id, $"2026-03-10T08:0{id}:00Z");

    private static string Seconds(TimeSpan wait) => ((long)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
