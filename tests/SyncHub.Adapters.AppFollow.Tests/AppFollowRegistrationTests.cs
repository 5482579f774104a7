using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Hosting;
using SyncHub.Pipeline;
using SyncHub.Reviews;

namespace SyncHub.Adapters.AppFollow.Tests;

public sealed class AppFollowRegistrationTests : IDisposable
{
    private readonly AppFollowFake appFollow = new();

    [Fact]
    public void Register_Enabled_AddsThePollerTheNotifierAndTheReviewPolicies()
    {
        using var harness = new AppFollowHarness(appFollow);

        Assert.True(harness.Registered);
        Assert.IsType<AppFollowReplyNotifier>(harness.Notifier);
        Assert.Equal("AppFollow", Assert.Single(harness.Provider.GetServices<PollingSourceDescriptor>()).Name);
        Assert.NotNull(harness.Provider.GetService<ReviewRules>());
        Assert.IsType<InMemoryReviewSignalStore>(harness.Provider.GetService<IReviewSignalStore>());
        Assert.Equal(TimeSpan.FromMinutes(5), harness.Options.PollInterval);
        Assert.Equal(2, harness.Options.Apps.Count);
    }

    [Fact]
    public void Register_Disabled_RegistersNothing()
    {
        using var harness = new AppFollowHarness(appFollow, new Dictionary<string, string?> { ["Enabled"] = "false" });

        Assert.False(harness.Registered);
        Assert.Empty(harness.Provider.GetServices<INotifier>());
        Assert.Empty(harness.Provider.GetServices<PollingSourceDescriptor>());
    }

    [Fact]
    public void Register_CalledTwice_AddsEverythingOnce()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        var hub = new SyncHubBuilder(services, configuration);
        var module = new AppFollowModule();

        module.Register(hub, configuration.GetSection(AppFollowHarness.Section));

        var afterFirst = services.Count;
        module.Register(hub, configuration.GetSection(AppFollowHarness.Section));

        Assert.Single(services, d => d.ServiceType == typeof(INotifier));
        Assert.Single(services, d => d.ServiceType == typeof(PollingSourceDescriptor));
        Assert.Equal(afterFirst, services.Count);
        Assert.Equal("AppFollow", module.Name);
    }

    [Theory]
    [InlineData("ApiToken", "", "SyncHub:Adapters:AppFollow:ApiToken")]
    [InlineData("Apps:1:Store", "Huawei", "SyncHub:Adapters:AppFollow:Apps:1:Store")]
    [InlineData("Apps:0:AppId", "", "SyncHub:Adapters:AppFollow:Apps:0:AppId")]
    [InlineData("Apps:1:AppId", "chat.rocket.android", "SyncHub:Adapters:AppFollow:Apps:1")]
    [InlineData("Timeout", "00:00:00", "SyncHub:Adapters:AppFollow:Timeout")]
    [InlineData("MaxRetryAttempts", "11", "SyncHub:Adapters:AppFollow:MaxRetryAttempts")]
    public void Options_WrongSetting_FailValidationNamingTheFullKey(string key, string value, string fullKey)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key == "Apps:1:AppId")
        {
            settings["Apps:1:Store"] = "gp";
        }

        using var harness = new AppFollowHarness(appFollow, settings);

        var error = Assert.Throws<OptionsValidationException>(() => harness.Options);

        Assert.Contains(error.Failures, f => f.StartsWith(fullKey + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_NoApps_FailValidationNamingTheKey()
    {
        var values = AppFollowHarness.Settings(appFollow).Where(kv => !kv.Key.Contains(":Apps:", StringComparison.Ordinal)).ToDictionary();
        var services = new ServiceCollection();
        new SyncHubBuilder(services, new ConfigurationBuilder().AddInMemoryCollection(values).Build()).AddModule(new AppFollowModule());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AppFollowOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("SyncHub:Adapters:AppFollow:Apps:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SyncHub:Reviews:BetaVersionPattern", "beta(", "SyncHub:Reviews:BetaVersionPattern")]
    [InlineData("SyncHub:Reviews:Frequent:Threshold", "1", "SyncHub:Reviews:Frequent:Threshold")]
    [InlineData("SyncHub:Reviews:Critical:MaxRating", "6", "SyncHub:Reviews:Critical:MaxRating")]
    [InlineData("SyncHub:Reviews:PriorityRules:low-rating:Priority", "Urgent", "SyncHub:Reviews:PriorityRules:low-rating:Priority")]
    [InlineData("SyncHub:Reviews:Critical:Concepts:0", "lag", "SyncHub:Reviews:Critical:Concepts:0")]
    public void ReviewOptions_WrongSetting_FailValidationNamingTheFullKey(string key, string value, string fullKey)
    {
        using var harness = new AppFollowHarness(appFollow, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Provider.GetRequiredService<IOptions<ReviewOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith(fullKey + ":", StringComparison.Ordinal));
    }

    public void Dispose() => appFollow.Dispose();
}
