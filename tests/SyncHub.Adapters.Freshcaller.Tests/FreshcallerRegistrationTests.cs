using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Hosting;
using SyncHub.Pipeline;

namespace SyncHub.Adapters.Freshcaller.Tests;

public sealed class FreshcallerRegistrationTests : IDisposable
{
    private readonly FreshcallerFake freshcaller = new();

    [Fact]
    public void Register_Enabled_AddsThePollerAndTheWebhookUnderOneName()
    {
        using var harness = new FreshcallerHarness(freshcaller, new Dictionary<string, string?> { ["PollInterval"] = "00:02:00" });

        var descriptor = Assert.Single(harness.Provider.GetServices<PollingSourceDescriptor>());
        var webhook = Assert.Single(harness.Provider.GetServices<IWebhookSource>());

        Assert.True(harness.Registered);
        Assert.Equal("Freshcaller", descriptor.Name);
        Assert.Equal("Freshcaller", harness.Source.Name);
        Assert.Equal(TimeSpan.FromMinutes(2), descriptor.Options(harness.Provider).PollInterval);
        Assert.Equal(("Freshcaller", "freshcaller"), (webhook.Name, webhook.Route));
    }

    [Fact]
    public void Register_Disabled_RegistersNothing()
    {
        using var harness = new FreshcallerHarness(freshcaller, new Dictionary<string, string?> { ["Enabled"] = "false" });

        Assert.False(harness.Registered);
        Assert.Empty(harness.Provider.GetServices<PollingSourceDescriptor>());
        Assert.Empty(harness.Provider.GetServices<IWebhookSource>());
    }

    [Fact]
    public void Register_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        var hub = new SyncHubBuilder(services, configuration);
        var module = new FreshcallerModule();

        module.Register(hub, configuration.GetSection(FreshcallerHarness.Section));

        var afterFirst = services.Count;
        module.Register(hub, configuration.GetSection(FreshcallerHarness.Section));

        // Core's options binding is added per call; the module's own services are added once.
        Assert.Single(services, d => d.ServiceType == typeof(PollingSourceDescriptor));
        Assert.Single(services, d => d.ServiceType == typeof(IWebhookSource));
        Assert.Single(services, d => d.ServiceType == typeof(FreshcallerSource));
        Assert.Equal(afterFirst, services.Count);
        Assert.Equal("Freshcaller", module.Name);
    }

    [Theory]
    [InlineData("ApiKey", "", "SyncHub:Adapters:Freshcaller:ApiKey")]
    [InlineData("BaseUrl", "", "SyncHub:Adapters:Freshcaller:BaseUrl")]
    [InlineData("WebhookSecret", "short", "SyncHub:Adapters:Freshcaller:WebhookSecret")]
    [InlineData("PageSize", "0", "SyncHub:Adapters:Freshcaller:PageSize")]
    [InlineData("SettleDelay", "-00:01:00", "SyncHub:Adapters:Freshcaller:SettleDelay")]
    public void Options_WrongSetting_FailValidationNamingTheFullKey(string key, string value, string fullKey)
    {
        using var harness = new FreshcallerHarness(freshcaller, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Options);

        Assert.Contains(error.Failures, f => f.StartsWith(fullKey + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_Defaults_AreValidWithCredentials()
    {
        using var harness = new FreshcallerHarness(freshcaller);

        var options = harness.Options;

        Assert.Equal(FreshcallerFake.ApiKey, options.ApiKey);
        Assert.Equal("X-Webhook-Secret", options.WebhookSecretHeader);
        Assert.Equal(TimeSpan.FromMinutes(5), options.SettleDelay);
    }

    public void Dispose() => freshcaller.Dispose();
}
