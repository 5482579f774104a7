using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Hosting;
using SyncHub.Pipeline;

namespace SyncHub.Adapters.AppFollow.Tests;

public sealed class AppFollowRegistrationTests : IDisposable
{
    private readonly AppFollowFake appFollow = new();

    [Fact]
    public void Register_Enabled_AddsThePollerAndTheNotifier()
    {
        using var harness = new AppFollowHarness(appFollow);

        Assert.True(harness.Registered);
        Assert.IsType<AppFollowReplyNotifier>(harness.Notifier);
        Assert.Equal("AppFollow", Assert.Single(harness.Provider.GetServices<PollingSourceDescriptor>()).Name);
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

    public void Dispose() => appFollow.Dispose();
}
