using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Pipeline;

namespace SyncHub.Adapters.JsonFeed.Tests;

public sealed class JsonFeedRegistrationTests : IDisposable
{
    private readonly FeedFake feed = new();

    public void Dispose() => feed.Dispose();

    [Fact]
    public void AddModule_Enabled_RegistersOnePollingSourceNamedJsonFeed()
    {
        using var harness = new FeedHarness(feed);

        Assert.True(harness.Registered);
        var descriptor = Assert.Single(harness.Provider.GetServices<PollingSourceDescriptor>());
        Assert.Equal("JsonFeed", descriptor.Name);
        Assert.Equal("JsonFeed", harness.Source.Name);
        Assert.Equal(FeedFake.ApiKey, harness.Options.Headers["x-api-key"]);
    }

    [Fact]
    public void AddModule_Disabled_RegistersNothing()
    {
        using var harness = new FeedHarness(feed, new Dictionary<string, string?> { ["Enabled"] = "false" });

        Assert.False(harness.Registered);
        Assert.Empty(harness.Provider.GetServices<PollingSourceDescriptor>());
    }

    [Fact]
    public void Options_Wrong_EveryFailureNamesItsFullKey()
    {
        using var harness = new FeedHarness(feed, new Dictionary<string, string?>
        {
            ["Url"] = "feed.example.com/items",
            ["ItemsPath"] = "data.items",
            ["Fields:Subject"] = "$.a[*]",
            ["CursorField"] = "$..updated",
        });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Options);

        var failures = error.Failures.ToList();
        Assert.Contains(failures, f => f.StartsWith("SyncHub:Adapters:JsonFeed:Url: ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("SyncHub:Adapters:JsonFeed:ItemsPath: 'data.items' must start with $", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("SyncHub:Adapters:JsonFeed:Fields:Subject: '$.a[*]'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("SyncHub:Adapters:JsonFeed:CursorField: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_OutOfRange_NamesTheKey()
    {
        using var harness = new FeedHarness(feed, new Dictionary<string, string?> { ["MaxItemsPerPoll"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Options);

        Assert.StartsWith("SyncHub:Adapters:JsonFeed:MaxItemsPerPoll: ", Assert.Single(error.Failures), StringComparison.Ordinal);
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
}
