using Microsoft.Extensions.DependencyInjection;
using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.AppFollow.Tests;

public sealed class AppFollowModuleConformanceTests : AdapterModuleConformance<AppFollowModule>, IDisposable
{
    private readonly AppFollowFake appFollow = new();

    protected override IReadOnlyDictionary<string, string?> ValidSettings => AppFollowSettings.For(appFollow);

    protected override IReadOnlyCollection<Type> Components => [typeof(AppFollowSource), typeof(AppFollowReplyNotifier)];

    protected override void ConfigureServices(IServiceCollection services) => AppFollowSettings.AddTeamAlerts(services);

    protected override IEnumerable<InvalidSetting> InvalidSettings =>
    [
        InvalidSetting.Of("ApiToken", ""),
        InvalidSetting.Of("Apps:1:Store", "Huawei"),
        InvalidSetting.Of("Apps:0:AppId", ""),
        new(new Dictionary<string, string?> { ["Apps:1:AppId"] = "chat.rocket.android", ["Apps:1:Store"] = "gp" }, "Apps:1"),
        InvalidSetting.Of("Apps", null),
        InvalidSetting.Of("Timeout", "00:00:00"),
        InvalidSetting.Of("MaxRetryAttempts", "11"),
    ];

    [Fact]
    public void Options_Defaults_PollEveryFiveMinutes()
    {
        using var harness = CreateHarness();

        Assert.Equal(TimeSpan.FromMinutes(5), harness.Options<AppFollowOptions>().PollInterval);
        Assert.Equal(2, harness.Options<AppFollowOptions>().Apps.Count);
    }

    public void Dispose() => appFollow.Dispose();
}
