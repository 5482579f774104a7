using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Twitter.Tests;

/// <summary>The module with user-context credentials: the poller and the reply notifier, and the credentials validated at start.</summary>
public sealed class TwitterUserContextModuleConformanceTests : AdapterModuleConformance<TwitterModule>, IDisposable
{
    private readonly XUserFake x = new();

    protected override IReadOnlyDictionary<string, string?> ValidSettings => TwitterSettings.OAuth2(x);

    protected override IReadOnlyCollection<Type> Components => [typeof(TwitterSource), typeof(TwitterReplyNotifier)];

    protected override IEnumerable<InvalidSetting> InvalidSettings =>
    [
        InvalidSetting.Of("ClientId", null),
        InvalidSetting.Of("ConsumerKey", XUserFake.ConsumerKey, "UserAccessToken"),
        InvalidSetting.Of("DirectMessageThreadWindow", "40.00:00:00"),
    ];

    [Theory]
    [InlineData("ConsumerSecret")]
    [InlineData("AccessToken")]
    [InlineData("AccessTokenSecret")]
    public void ValidateOnStart_HalfTheOAuth1Keys_NamesTheMissingKey(string missing)
    {
        var settings = AdapterHarness.Merge(TwitterSettings.OAuth1(x), new Dictionary<string, string?> { [missing] = null });
        using var harness = new AdapterHarness(new TwitterModule(), settings);

        var failures = StartFailures(harness);

        Assert.Contains(failures, f => f.StartsWith($"SyncHub:Adapters:Twitter:{missing}:", StringComparison.Ordinal) && f.Contains("all four", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateOnStart_OAuth1Keys_Pass()
    {
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth1(x));

        Assert.Empty(StartFailures(harness));
        Assert.True(harness.Options<TwitterOptions>().UsesOAuth1);
    }

    [Fact]
    public void ValidateOnStart_ClientSecretWithoutClientId_NamesClientId()
    {
        var settings = AdapterHarness.Merge(TwitterSettings.OAuth2(x), new Dictionary<string, string?> { ["UserRefreshToken"] = null, ["ClientId"] = null });
        using var harness = new AdapterHarness(new TwitterModule(), settings);

        Assert.Contains(StartFailures(harness), f => f.StartsWith("SyncHub:Adapters:Twitter:ClientId:", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateOnStart_Failures_ShowNoSecret()
    {
        var settings = AdapterHarness.Merge(TwitterSettings.OAuth1(x), new Dictionary<string, string?> { ["AccessTokenSecret"] = null, ["UserAccessToken"] = XUserFake.UserAccessToken });
        using var harness = new AdapterHarness(new TwitterModule(), settings);

        var failures = string.Join("\n", StartFailures(harness));

        Assert.NotEmpty(failures);
        foreach (var secret in new[] { XUserFake.ConsumerSecret, XUserFake.AccessToken, XUserFake.UserAccessToken })
        {
            Assert.DoesNotContain(secret, failures, StringComparison.Ordinal);
        }
    }

    public void Dispose() => x.Dispose();
}
