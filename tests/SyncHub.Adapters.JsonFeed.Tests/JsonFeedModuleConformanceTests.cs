using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.JsonFeed.Tests;

public sealed class JsonFeedModuleConformanceTests : AdapterModuleConformance<JsonFeedModule>, IDisposable
{
    private readonly FeedFake feed = new();

    protected override IReadOnlyDictionary<string, string?> ValidSettings => FeedSettings.For(feed);

    protected override IReadOnlyCollection<Type> Components => [typeof(JsonFeedSource)];

    protected override IEnumerable<InvalidSetting> InvalidSettings =>
    [
        InvalidSetting.Of("Url", "feed.example.com/items"),
        InvalidSetting.Of("ItemsPath", "data.items"),
        InvalidSetting.Of("Fields:Subject", "$.a[*]"),
        InvalidSetting.Of("CursorField", "$..updated"),
        InvalidSetting.Of("MaxItemsPerPoll", "0"),
    ];

    [Fact]
    public void Options_Wrong_EveryFailureSaysWhatIsWrong()
    {
        using var harness = CreateHarness(new Dictionary<string, string?>
        {
            ["ItemsPath"] = "data.items",
            ["Fields:Subject"] = "$.a[*]",
        });

        var failures = StartFailures(harness);

        Assert.Contains(failures, f => f.StartsWith("SyncHub:Adapters:JsonFeed:ItemsPath: 'data.items' must start with $", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("SyncHub:Adapters:JsonFeed:Fields:Subject: '$.a[*]'", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_Bound_HeadersMatchWithoutRegardToCase()
    {
        using var harness = CreateHarness();

        Assert.Equal(FeedFake.ApiKey, harness.Options<JsonFeedOptions>().Headers["x-api-key"]);
    }

    [Fact]
    public void Options_Defaults_ReadAGenericFeed()
    {
        var options = new JsonFeedOptions();

        Assert.Equal("$", options.ItemsPath);
        Assert.Equal("$.id", options.Fields.ExternalId);
        Assert.Equal("$.requester.email", options.Fields.RequesterEmail);
        Assert.Equal(Domain.Channel.Web, options.DefaultChannel);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
    }

    public void Dispose() => feed.Dispose();
}
