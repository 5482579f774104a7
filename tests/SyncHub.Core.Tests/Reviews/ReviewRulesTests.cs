using SyncHub.Domain;
using SyncHub.Reviews;

namespace SyncHub.Core.Tests.Reviews;

public sealed class ReviewRulesTests
{
    [Fact]
    public void Create_Defaults_HasTheSupportProcessRules()
    {
        var rules = ReviewRules.Create(new ReviewOptions());

        Assert.Equal(["critical-wording", "low-rating"], rules.PriorityRules.Select(r => r.Id));
        Assert.Equal([Priority.High, Priority.Medium], rules.PriorityRules.Select(r => r.Priority));
        Assert.Contains("crash", rules.Vocabulary.Concepts.Keys);
        Assert.Equal(("mobile-inhouse", "remote-support"), (rules.Options.InHouseTeam, rules.Options.RemoteTeam));
    }

    [Theory]
    [InlineData("4.3.0-beta.2", true)]
    [InlineData("4.3.0-rc1", true)]
    [InlineData("4.3.0-b7", true)]
    [InlineData("4.3.0 (RC)", true)]
    [InlineData("4.2.0", false)]
    [InlineData(null, false)]
    public void Beta_ByVersion_MatchesThePattern(string? version, bool expected)
    {
        var rules = ReviewRules.Create(new ReviewOptions());

        Assert.Equal(expected, rules.Beta(ReviewFacts.From(ReviewTestRecords.Review("r", version: version))).IsBeta);
    }

    [Fact]
    public void Beta_ByStoreTrack_IsBetaWhateverTheVersion()
    {
        var rules = ReviewRules.Create(new ReviewOptions());

        var (isBeta, reason) = rules.Beta(ReviewFacts.From(ReviewTestRecords.Review("r", version: "4.3.0", track: "TestFlight")));

        Assert.True(isBeta);
        Assert.Contains("TestFlight", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Beta_AppListedAsBeta_IsBetaWhateverTheVersionAndSaysWhy()
    {
        var rules = ReviewRules.Create(new ReviewOptions { BetaApps = [new BetaAppOptions { AppId = "1148741252" }] });

        var (isBeta, reason) = rules.Beta(ReviewFacts.From(ReviewTestRecords.Review("r", version: "4.2.0", store: "as", appId: "1148741252")));
        var other = rules.Beta(ReviewFacts.From(ReviewTestRecords.Review("r", version: "4.2.0", store: "as", appId: "1148741999")));

        Assert.True(isBeta);
        Assert.Equal("app 1148741252 is listed as beta (SyncHub:Reviews:BetaApps)", reason);
        Assert.Equal((false, "version 4.2.0 is a release"), other);
    }

    [Theory]
    [InlineData("open-testing", "gp", true)]
    [InlineData("Open-Testing", "gp", true)]
    [InlineData("production", "gp", false)]
    [InlineData(null, "gp", false)]
    [InlineData("open-testing", "as", false)]
    public void Beta_ListedTrackOfAnApp_IsBetaOnlyOnThatTrackOfThatAppInThatStore(string? track, string store, bool expected)
    {
        var rules = ReviewRules.Create(new ReviewOptions
        {
            BetaApps = [new BetaAppOptions { AppId = "chat.rocket.android", Store = "GooglePlay", Tracks = ["open-testing"] }],
        });

        var (isBeta, reason) = rules.Beta(ReviewFacts.From(ReviewTestRecords.Review("r", version: "4.2.0", track: track, store: store)));

        Assert.Equal(expected, isBeta);
        if (expected)
        {
            Assert.Equal($"the {track} track of Google Play app chat.rocket.android is listed as beta (SyncHub:Reviews:BetaApps)", reason);
        }
    }

    [Fact]
    public void Validate_WrongBetaApps_NamesEveryKey()
    {
        var options = new ReviewOptions
        {
            BetaApps =
            [
                new BetaAppOptions { AppId = " " },
                new BetaAppOptions { AppId = "1148741252", Store = "Huawei", Tracks = ["beta", " "] },
            ],
        };

        var keys = ReviewRules.Validate(options).Select(e => e.Key).ToList();

        Assert.Equal(["BetaApps:0:AppId", "BetaApps:1:Store", "BetaApps:1:Tracks:1"], keys);
    }

    [Fact]
    public void Validate_WrongSettings_NamesEveryKey()
    {
        var options = new ReviewOptions
        {
            BetaVersionPattern = "(",
            InHouseTeam = " ",
            TicketLink = "not a link",
            Critical = new ReviewConditionOptions { Stores = ["huawei"], Beta = "maybe" },
            Frequent = new FrequentIssueOptions { Threshold = 1, Window = TimeSpan.Zero },
            Vocabulary = { ["lag"] = ["a"] },
            PriorityRules =
            {
                ["low-rating"] = new ReviewRuleOptions { Enabled = "sometimes" },
                ["mine"] = new ReviewRuleOptions { When = new() { MinRating = "4", MaxRating = "2" }, Priority = "Low" },
            },
        };

        var keys = ReviewRules.Validate(options).Select(e => e.Key).ToList();

        Assert.Equal(
            [
                "BetaVersionPattern", "InHouseTeam", "TicketLink", "Frequent:Threshold", "Frequent:Window", "Vocabulary:lag:0",
                "Critical:Stores:0", "Critical:Beta", "PriorityRules:low-rating:Enabled", "PriorityRules:mine:Order", "PriorityRules:mine:When:MinRating",
            ],
            keys);
        Assert.Throws<ArgumentException>(() => ReviewRules.Create(options));
    }

    [Fact]
    public void Create_ConfiguredRuleAndVocabulary_MergeWithTheDefaults()
    {
        var options = new ReviewOptions
        {
            Vocabulary = { ["payments"] = ["refund", "charged twice"], ["battery"] = [] },
            PriorityRules =
            {
                ["payments"] = new ReviewRuleOptions { Order = "5", When = new() { Concepts = ["payments"] }, Priority = "High", Reason = "a billing problem" },
                ["low-rating"] = new ReviewRuleOptions { Enabled = "false" },
            },
        };

        var rules = ReviewRules.Create(options);

        Assert.Equal(["payments", "critical-wording"], rules.PriorityRules.Select(r => r.Id));
        Assert.Contains("payments", rules.Vocabulary.Concepts.Keys);
        Assert.DoesNotContain("battery", rules.Vocabulary.Concepts.Keys);
    }
}
