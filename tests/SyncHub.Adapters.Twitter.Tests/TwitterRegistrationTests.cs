using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Hosting;
using SyncHub.Pipeline;

namespace SyncHub.Adapters.Twitter.Tests;

public sealed class TwitterRegistrationTests : IDisposable
{
    private readonly TwitterFake x = new();

    [Fact]
    public void Register_Enabled_AddsThePollerNamedTwitterWithItsInterval()
    {
        using var harness = new TwitterHarness(x, new Dictionary<string, string?> { ["PollInterval"] = "00:02:00" });

        var descriptor = Assert.Single(harness.Provider.GetServices<PollingSourceDescriptor>());

        Assert.True(harness.Registered);
        Assert.Equal("Twitter", descriptor.Name);
        Assert.Equal("Twitter", harness.Source.Name);
        Assert.Equal(TimeSpan.FromMinutes(2), descriptor.Options(harness.Provider).PollInterval);
    }

    [Fact]
    public void Register_Disabled_RegistersNothing()
    {
        using var harness = new TwitterHarness(x, new Dictionary<string, string?> { ["Enabled"] = "false" });

        Assert.False(harness.Registered);
        Assert.Empty(harness.Provider.GetServices<PollingSourceDescriptor>());
    }

    [Fact]
    public void Register_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        var hub = new SyncHubBuilder(services, configuration);
        var module = new TwitterModule();

        module.Register(hub, configuration.GetSection(TwitterHarness.Section));

        var afterFirst = services.Count;
        module.Register(hub, configuration.GetSection(TwitterHarness.Section));

        Assert.Single(services, d => d.ServiceType == typeof(PollingSourceDescriptor));
        Assert.Single(services, d => d.ServiceType == typeof(TwitterSource));
        Assert.Equal(afterFirst, services.Count);
        Assert.Equal("Twitter", module.Name);
    }

    [Theory]
    [InlineData("BearerToken", "", "SyncHub:Adapters:Twitter:BearerToken")]
    [InlineData("UserId", "", "SyncHub:Adapters:Twitter:UserId")]
    [InlineData("UserId", "@RocketChat", "SyncHub:Adapters:Twitter:UserId")]
    [InlineData("PageSize", "4", "SyncHub:Adapters:Twitter:PageSize")]
    [InlineData("PageSize", "101", "SyncHub:Adapters:Twitter:PageSize")]
    [InlineData("MaxRateLimitWait", "02:00:00", "SyncHub:Adapters:Twitter:MaxRateLimitWait")]
    public void Options_WrongSetting_FailValidationNamingTheFullKey(string key, string value, string fullKey)
    {
        using var harness = new TwitterHarness(x, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Options);

        Assert.Contains(error.Failures, f => f.StartsWith(fullKey + ":", StringComparison.Ordinal));
    }

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
