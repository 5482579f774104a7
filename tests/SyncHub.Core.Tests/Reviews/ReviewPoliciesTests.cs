using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Core.Tests.Policies;
using SyncHub.Domain;
using SyncHub.Hosting;
using SyncHub.InMemory;
using SyncHub.Policies;
using SyncHub.Reviews;

namespace SyncHub.Core.Tests.Reviews;

public sealed class ReviewPoliciesTests
{
    private static ServiceProvider CreateSut(params (string Key, string? Value)[] settings)
    {
        var configuration = TestConfig.Build(settings);
        var services = new ServiceCollection();
        services.AddSyncHubCore(configuration);
        services.AddInMemoryStore();
        services.AddReviewPolicies(configuration);
        return services.BuildServiceProvider();
    }

    private static TicketContext Context(IntakeRecord record) => new(record, null, ReviewTestRecords.Now);

    [Theory]
    [InlineData(1, "Crashes every time I open it", Priority.High, "critical-wording")]
    [InlineData(2, "Não consigo entrar desde ontem", Priority.High, "critical-wording")]
    [InlineData(2, "Perdi todas as mensagens!", Priority.High, "critical-wording")]
    [InlineData(2, "Too many ads", Priority.Medium, "low-rating")]
    [InlineData(3, "The app crashes sometimes", Priority.Low, "no review priority rule")]
    [InlineData(5, "Love it", Priority.Low, "no review priority rule")]
    public void Decide_AppReview_PriorityFromRatingAndWording(int rating, string text, Priority expected, string because)
    {
        using var provider = CreateSut();

        var decision = provider.GetRequiredService<IPriorityPolicy>().Decide(Context(ReviewTestRecords.Review("r", rating, text)));

        Assert.Equal(expected, decision.Value);
        Assert.Contains(because, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OtherChannel_KeepsTheRoutingRules()
    {
        using var provider = CreateSut();

        var decision = provider.GetRequiredService<IPriorityPolicy>().Decide(TestTickets.Context(null, record: TestTickets.Record(Channel.Email, body: "It crashes")));

        Assert.Equal(Priority.Medium, decision.Value);
        Assert.Contains("Email", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ConfiguredRule_RaisesMatchingReviews()
    {
        using var provider = CreateSut(
            ("SyncHub:Reviews:PriorityRules:ios-any:Order", "1"),
            ("SyncHub:Reviews:PriorityRules:ios-any:When:Stores:0", "as"),
            ("SyncHub:Reviews:PriorityRules:ios-any:Priority", "Medium"),
            ("SyncHub:Reviews:DefaultPriority", "Low"));

        var ios = provider.GetRequiredService<IPriorityPolicy>().Decide(Context(ReviewTestRecords.Review("r", 5, "ok", store: "as")));

        Assert.Equal(Priority.Medium, ios.Value);
        Assert.Contains("review rule ios-any: store as", ios.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4.3.0-rc1", null, "mobile-inhouse")]
    [InlineData("4.3.0", "beta", "mobile-inhouse")]
    [InlineData("4.2.0", null, "remote-support")]
    [InlineData(null, null, "remote-support")]
    public void Assign_AppReview_BetaToInHouseOthersToRemote(string? version, string? track, string team)
    {
        using var provider = CreateSut();

        var decision = provider.GetRequiredService<IAssignmentPolicy>().Assign(Context(ReviewTestRecords.Review("r", version: version, track: track)));

        Assert.Equal(team, decision.Value.Team);
        Assert.Null(decision.Value.Assignee);
    }

    [Fact]
    public void Assign_ConfiguredTeamsAndPattern_AreUsed()
    {
        using var provider = CreateSut(
            ("SyncHub:Reviews:InHouseTeam", "android-core"),
            ("SyncHub:Reviews:BetaVersionPattern", @"^\d+\.\d+\.\d+\.\d+$"));

        var decision = provider.GetRequiredService<IAssignmentPolicy>().Assign(Context(ReviewTestRecords.Review("r", version: "4.3.0.17")));

        Assert.Equal("android-core", decision.Value.Team);
    }

    [Fact]
    public void Assign_AppListedAsBetaInConfiguration_GoesToTheInHouseTeamSayingWhy()
    {
        using var provider = CreateSut(
            ("SyncHub:Reviews:BetaApps:0:AppId", "chat.rocket.android.beta"),
            ("SyncHub:Reviews:BetaApps:1:AppId", "1148741252"),
            ("SyncHub:Reviews:BetaApps:1:Store", "as"),
            ("SyncHub:Reviews:BetaApps:1:Tracks:0", "TestFlight-External"));
        var policy = provider.GetRequiredService<IAssignmentPolicy>();

        var app = policy.Assign(Context(ReviewTestRecords.Review("r", version: "4.2.0", appId: "chat.rocket.android.beta")));
        var track = policy.Assign(Context(ReviewTestRecords.Review("r", version: "4.2.0", store: "as", appId: "1148741252", track: "testflight-external")));
        var release = policy.Assign(Context(ReviewTestRecords.Review("r", version: "4.2.0", store: "as", appId: "1148741252")));

        Assert.Equal(("mobile-inhouse", "mobile-inhouse", "remote-support"), (app.Value.Team, track.Value.Team, release.Value.Team));
        Assert.Contains("app chat.rocket.android.beta is listed as beta", app.Reason, StringComparison.Ordinal);
        Assert.Contains("track of App Store app 1148741252 is listed as beta", track.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_OtherChannel_KeepsTheExistingAssignment()
    {
        using var provider = CreateSut();

        var decision = provider.GetRequiredService<IAssignmentPolicy>().Assign(TestTickets.Context(null));

        Assert.Same(Assignment.None, decision.Value);
    }

    [Fact]
    public void AddReviewPolicies_CalledTwice_DecoratesOnce()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddSyncHubCore(configuration);
        services.AddReviewPolicies(configuration);
        services.AddReviewPolicies(configuration);
        using var provider = services.BuildServiceProvider();

        var policy = Assert.IsType<ReviewPriorityPolicy>(Assert.Single(provider.GetServices<IPriorityPolicy>()));
        Assert.IsType<ReviewAssignmentPolicy>(Assert.Single(provider.GetServices<IAssignmentPolicy>()));
        Assert.NotNull(policy);
    }

    [Theory]
    [InlineData("SyncHub:Reviews:BetaVersionPattern", "beta(")]
    [InlineData("SyncHub:Reviews:Frequent:Threshold", "1")]
    [InlineData("SyncHub:Reviews:Critical:MaxRating", "6")]
    [InlineData("SyncHub:Reviews:PriorityRules:low-rating:Priority", "Urgent")]
    [InlineData("SyncHub:Reviews:Critical:Concepts:0", "lag")]
    public void ReviewOptions_WrongSetting_FailValidationNamingTheFullKey(string key, string value)
    {
        using var provider = CreateSut((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ReviewOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith(key + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void AddSyncHubCore_RegistersTheReviewPoliciesWithAnInMemorySignalStore()
    {
        using var provider = CreateSut();

        Assert.NotNull(provider.GetService<ReviewRules>());
        Assert.IsType<InMemoryReviewSignalStore>(provider.GetService<IReviewSignalStore>());
    }
}
