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
