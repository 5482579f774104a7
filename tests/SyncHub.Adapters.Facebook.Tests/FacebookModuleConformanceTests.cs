using Microsoft.Extensions.DependencyInjection;
using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Facebook.Tests;

public sealed class FacebookModuleConformanceTests : AdapterModuleConformance<FacebookModule>
{
    protected override IReadOnlyDictionary<string, string?> ValidSettings =>
        FacebookSettings.For(new Dictionary<string, string?> { ["PageAccessToken"] = "EAAGm0PX4ZCpsBAFbZBZCxYzpagetoken7f3e" });

    protected override IReadOnlyCollection<Type> Components => [typeof(FacebookWebhook), typeof(FacebookReplyNotifier)];

    protected override IEnumerable<InvalidSetting> InvalidSettings =>
    [
        InvalidSetting.Of("AppSecret", ""),
        InvalidSetting.Of("VerifyToken", " "),
        InvalidSetting.Of("ThreadWindow", "-01:00:00"),
        InvalidSetting.Of("ThreadWindow", "31.00:00:00"),
        InvalidSetting.Of("BaseUrl", "graph.facebook.com/v21.0"),
        InvalidSetting.Of("Timeout", "00:00:00"),
    ];

    [Fact]
    public void Register_WithoutPageAccessToken_RegistersTheWebhookButNoNotifier()
    {
        using var harness = CreateHarness(new Dictionary<string, string?> { ["PageAccessToken"] = null });

        Assert.Single(harness.Provider.GetServices<IWebhookSource>());
        Assert.Empty(harness.Provider.GetServices<INotifier>());
        Assert.Empty(StartFailures(harness));
    }

    [Fact]
    public void Options_Defaults_GraphV21AndNoHumanAgentTag()
    {
        using var harness = CreateHarness();
        var options = harness.Options<FacebookOptions>();

        Assert.Equal(new Uri("https://graph.facebook.com/v21.0/"), options.BaseUrl);
        Assert.False(options.UseHumanAgentTag);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
    }

    [Fact]
    public void Options_PageIds_BindFromConfiguration()
    {
        using var harness = CreateHarness(new Dictionary<string, string?> { ["PageIds:0"] = "1", ["PageIds:1"] = "2" });

        Assert.Equal(["1", "2"], harness.Options<FacebookOptions>().PageIds);
    }
}
