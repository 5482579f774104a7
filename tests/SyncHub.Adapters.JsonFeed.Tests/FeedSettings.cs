using Microsoft.Extensions.Time.Testing;
using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.JsonFeed.Tests;

/// <summary>The plugin's configuration for a <see cref="FeedFake"/>: a status-page style feed, its fields mapped by JSONPath.</summary>
internal static class FeedSettings
{
    public const string Section = "SyncHub:Adapters:JsonFeed";

    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The settings (keys relative to the section), with <paramref name="overrides"/> laid over them.</summary>
    public static Dictionary<string, string?> For(FeedFake fake, IDictionary<string, string?>? overrides = null) => AdapterHarness.Merge(
        new Dictionary<string, string?>
        {
            ["Enabled"] = "true",
            ["Url"] = fake.Url,
            ["Headers:X-Api-Key"] = FeedFake.ApiKey,
            ["ItemsPath"] = "$.data.items",
            ["Fields:ExternalId"] = "$.id",
            ["Fields:Subject"] = "$.title",
            ["Fields:Body"] = "$.description",
            ["Fields:RequesterName"] = "$.author.name",
            ["Fields:RequesterEmail"] = "$.author.email",
            ["Fields:ReceivedAt"] = "$.updatedAt",
            ["Fields:Channel"] = "$.channel",
            ["CursorField"] = "$.updatedAt",
            ["Timeout"] = "00:00:10",
        },
        overrides);

    /// <summary>The module wired as the host wires it, pointed at <paramref name="fake"/>, on a clock at <see cref="Now"/>.</summary>
    public static AdapterHarness Harness(FeedFake fake, IDictionary<string, string?>? overrides = null) =>
        new(new JsonFeedModule(), For(fake, overrides), new FakeTimeProvider(Now));
}
