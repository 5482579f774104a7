using Microsoft.Extensions.Configuration;
using SyncHub.Host.Configuration;

namespace SyncHub.Host.Tests;

/// <summary>
/// The keys under <c>SyncHub:</c> that nothing reads (<see cref="KnownSettings"/>), derived from the options types the
/// hub and its adapters bind, and the nearest known name an operator most likely meant (<see cref="NearestName"/>).
/// </summary>
public sealed class KnownSettingsTests
{
    [Theory]
    [InlineData("SyncHub:Pipline:Capacity", "SyncHub:Pipline is not a SyncHub setting; did you mean SyncHub:Pipeline?")]
    [InlineData("SyncHub:Adapters:Emial:Enabled", "SyncHub:Adapters:Emial is not a SyncHub setting; did you mean SyncHub:Adapters:Email?")]
    [InlineData("SyncHub:Adapters:WebForm:Public:MinFilTime", "SyncHub:Adapters:WebForm:Public:MinFilTime is not a SyncHub setting; did you mean SyncHub:Adapters:WebForm:Public:MinFillTime?")]
    [InlineData("SyncHub:ShutdownTimout", "SyncHub:ShutdownTimout is not a SyncHub setting; did you mean SyncHub:ShutdownTimeout?")]
    [InlineData("SyncHub:Sla:Calendars:support:TimeZon", "SyncHub:Sla:Calendars:support:TimeZon is not a SyncHub setting; did you mean SyncHub:Sla:Calendars:support:TimeZone?")]
    public void Unknown_MistypedKey_NamesItAndTheNearestKnownKey(string key, string expected)
    {
        Assert.Equal([expected], CreateSut().Unknown(Configuration(key)));
    }

    [Fact]
    public void Unknown_KeyBelowAValue_SaysTheSettingTakesAValue()
    {
        Assert.Equal(["SyncHub:Store:Kind is not a SyncHub setting: SyncHub:Store takes a value, not a section"], CreateSut().Unknown(Configuration("SyncHub:Store:Kind")));
    }

    [Fact]
    public void Unknown_NothingNear_ListsTheKnownNamesAtThatPlace()
    {
        var line = Assert.Single(CreateSut().Unknown(Configuration("SyncHub:Api:Secret")));

        Assert.Equal("SyncHub:Api:Secret is not a SyncHub setting; SyncHub:Api has FailedAttempts, FailedAttemptsWindow, Jwt, Keys, Services", line);
    }

    [Fact]
    public void Unknown_ListItemsDictionaryEntriesAndNestedOptions_AreKnown()
    {
        var configuration = Configuration(
            "SyncHub:Api:Keys:0",
            "SyncHub:Plugins:Enabled:1",
            "SyncHub:Sla:Calendars:support:TimeZone",
            "SyncHub:Routing:PriorityRules:outage:Priority",
            "SyncHub:Adapters:WebForm:Public:Captcha:Secret",
            "SyncHub:Adapters:Twitter:BearerToken",
            "SyncHub:Logging:Console",
            "SyncHub:Redis:KeyPrefix");

        Assert.Empty(CreateSut().Unknown(configuration));
    }

    [Fact]
    public void Unknown_OneLinePerUnknownPlace_EvenWithSeveralKeysBelowIt()
    {
        var lines = CreateSut().Unknown(Configuration("SyncHub:Pipline:Capacity", "SyncHub:Pipline:Workers", "SyncHub:Adapters:Emial:Enabled"));

        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void Unknown_AdapterOfAPluginFolder_AcceptsAnyKeyBelowIt()
    {
        var sut = new KnownSettings(BuiltInAdapters.All, ["JsonFeed"]);

        Assert.Empty(sut.Unknown(Configuration("SyncHub:Adapters:JsonFeed:Url", "SyncHub:Adapters:JsonFeed:ItemsPath")));
        Assert.Single(sut.Unknown(Configuration("SyncHub:Adapters:JsonFed:Url")));
    }

    [Fact]
    public void Unknown_ShippedSettingsAndSamples_HaveNone()
    {
        var root = Repository.Root;
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(root, "src", "SyncHub.Host", "appsettings.json"))
            .AddJsonFile(Path.Combine(root, "src", "SyncHub.Host", "appsettings.Development.json"))
            .AddInMemoryCollection(Repository.EnvironmentFile(Path.Combine(root, "compose", "synchub.env.sample")))
            .Build();

        Assert.Empty(CreateSut().Unknown(configuration));
    }

    [Theory]
    [InlineData("check-confg", "check-config")]
    [InlineData("rest-cursor", "reset-cursor")]
    [InlineData("replay-deadletters", "replay-dead-letters")]
    [InlineData("CHECK-CONFIG", "check-config")]
    [InlineData("start", null)]
    [InlineData("x", null)]
    public void NearestName_Typo_FindsTheCommandMeant(string typed, string? expected)
    {
        Assert.Equal(expected, NearestName.Find(typed, ["check-config", "reset-cursor", "replay-dead-letters", "healthcheck"]));
    }

    private static KnownSettings CreateSut() => new(BuiltInAdapters.All, []);

    private static IConfiguration Configuration(params string[] keys) =>
        new ConfigurationBuilder().AddInMemoryCollection(keys.Select(k => new KeyValuePair<string, string?>(k, "1"))).Build();
}
