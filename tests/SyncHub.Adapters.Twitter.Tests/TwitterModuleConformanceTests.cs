using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Twitter.Tests;

public sealed class TwitterModuleConformanceTests : AdapterModuleConformance<TwitterModule>, IDisposable
{
    private readonly TwitterFake x = new();

    protected override IReadOnlyDictionary<string, string?> ValidSettings => TwitterSettings.For(x);

    protected override IReadOnlyCollection<Type> Components => [typeof(TwitterSource)];

    protected override IEnumerable<InvalidSetting> InvalidSettings =>
    [
        InvalidSetting.Of("BearerToken", ""),
        InvalidSetting.Of("UserId", ""),
        InvalidSetting.Of("UserId", "@RocketChat"),
        InvalidSetting.Of("PageSize", "4"),
        InvalidSetting.Of("PageSize", "101"),
        InvalidSetting.Of("MaxRateLimitWait", "02:00:00"),
    ];

    [Fact]
    public void Options_Defaults_PointAtTheXApi()
    {
        var options = new TwitterOptions();

        Assert.Equal(new Uri("https://api.x.com"), options.BaseUrl);
        Assert.Equal(100, options.PageSize);
        Assert.Equal(TimeSpan.FromMinutes(1), options.PollInterval);
    }

    public void Dispose() => x.Dispose();
}
