using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Hosting;

namespace SyncHub.Adapters.Facebook.Tests;

public sealed class FacebookRegistrationTests
{
    [Fact]
    public void Register_Enabled_AddsTheWebhookAtRouteFacebook()
    {
        using var harness = new FacebookHarness();

        var webhook = Assert.Single(harness.Provider.GetServices<IWebhookSource>());

        Assert.True(harness.Registered);
        Assert.Equal(("Facebook", "facebook"), (webhook.Name, webhook.Route));
    }

    [Fact]
    public void Register_Disabled_RegistersNothing()
    {
        using var harness = new FacebookHarness(new Dictionary<string, string?> { ["Enabled"] = "false" });

        Assert.False(harness.Registered);
        Assert.Empty(harness.Provider.GetServices<IWebhookSource>());
    }

    [Fact]
    public void Register_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        var module = new FacebookModule();

        module.Register(new SyncHubBuilder(services, configuration), configuration.GetSection(FacebookHarness.Section));
        module.Register(new SyncHubBuilder(services, configuration), configuration.GetSection(FacebookHarness.Section));

        Assert.Single(services, d => d.ServiceType == typeof(IWebhookSource));
        Assert.Equal("Facebook", module.Name);
    }

    [Theory]
    [InlineData("AppSecret", "", "SyncHub:Adapters:Facebook:AppSecret")]
    [InlineData("VerifyToken", " ", "SyncHub:Adapters:Facebook:VerifyToken")]
    [InlineData("ThreadWindow", "-01:00:00", "SyncHub:Adapters:Facebook:ThreadWindow")]
    [InlineData("ThreadWindow", "31.00:00:00", "SyncHub:Adapters:Facebook:ThreadWindow")]
    public void Options_WrongSetting_FailValidationNamingTheFullKey(string key, string value, string fullKey)
    {
        using var harness = new FacebookHarness(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Options);

        Assert.Contains(error.Failures, f => f.StartsWith(fullKey + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_PageIds_BindFromConfiguration()
    {
        using var harness = new FacebookHarness(new Dictionary<string, string?> { ["PageIds:0"] = "1", ["PageIds:1"] = "2" });

        Assert.Equal(["1", "2"], harness.Options.PageIds);
    }
}
