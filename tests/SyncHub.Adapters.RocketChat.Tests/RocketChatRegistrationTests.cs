using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Hosting;
using SyncHub.Testing.Fakes;

namespace SyncHub.Adapters.RocketChat.Tests;

public sealed class RocketChatRegistrationTests : IDisposable
{
    private readonly RocketChatFake rocketChat = new();

    [Fact]
    public void Register_Enabled_AddsTheNotifier()
    {
        using var harness = new RocketChatHarness(rocketChat);

        Assert.True(harness.Registered);
        Assert.IsType<RocketChatNotifier>(harness.Notifier);
        Assert.Equal(TimeSpan.FromSeconds(10), harness.Options.Timeout);
    }

    [Fact]
    public void Register_Disabled_RegistersNothing()
    {
        using var harness = new RocketChatHarness(rocketChat, new Dictionary<string, string?> { ["Enabled"] = "false" });

        Assert.False(harness.Registered);
        Assert.Empty(harness.Provider.GetServices<INotifier>());
    }

    [Fact]
    public void Register_CalledTwice_AddsTheNotifierAndItsClientOnce()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        var hub = new SyncHubBuilder(services, configuration);
        var module = new RocketChatModule();

        module.Register(hub, configuration.GetSection(RocketChatHarness.Section));

        var afterFirst = services.Count;
        module.Register(hub, configuration.GetSection(RocketChatHarness.Section));

        Assert.Single(services, d => d.ServiceType == typeof(INotifier));
        Assert.Equal(afterFirst, services.Count);
        Assert.Equal("RocketChat", module.Name);
    }

    [Theory]
    [InlineData("UserId", "", "SyncHub:Adapters:RocketChat:UserId")]
    [InlineData("AuthToken", "", "SyncHub:Adapters:RocketChat:AuthToken")]
    [InlineData("DefaultChannel", "", "SyncHub:Adapters:RocketChat:DefaultChannel")]
    [InlineData("DisplayTimeZone", "Mars/Olympus", "SyncHub:Adapters:RocketChat:DisplayTimeZone")]
    [InlineData("Timeout", "00:00:00", "SyncHub:Adapters:RocketChat:Timeout")]
    public void Options_WrongSetting_FailValidationNamingTheFullKey(string key, string value, string fullKey)
    {
        using var harness = new RocketChatHarness(rocketChat, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Options);

        Assert.Contains(error.Failures, f => f.StartsWith(fullKey + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_NeitherCredentialsNorWebhook_FailValidationNamingTheKeys()
    {
        using var harness = new RocketChatHarness(rocketChat, new Dictionary<string, string?> { ["UserId"] = "", ["AuthToken"] = "" });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Options);

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("SyncHub:Adapters:RocketChat:WebhookUrl:", failure, StringComparison.Ordinal);
        Assert.Contains("UserId and AuthToken", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_WebhookOnly_IsValidWithoutDefaultChannel()
    {
        using var harness = new RocketChatHarness(rocketChat, new Dictionary<string, string?>
        {
            ["UserId"] = "",
            ["AuthToken"] = "",
            ["DefaultChannel"] = "",
            ["WebhookUrl"] = rocketChat.HookUrl,
        });

        Assert.False(harness.Options.UsesRestApi);
    }

    public void Dispose() => rocketChat.Dispose();
}
