using SyncHub.Sdk.Testing;
using SyncHub.Testing.Fakes;

namespace SyncHub.Adapters.RocketChat.Tests;

public sealed class RocketChatModuleConformanceTests : AdapterModuleConformance<RocketChatModule>, IDisposable
{
    private readonly RocketChatFake rocketChat = new();

    protected override IReadOnlyDictionary<string, string?> ValidSettings => RocketChatSettings.For(rocketChat);

    protected override IReadOnlyCollection<Type> Components => [typeof(RocketChatNotifier)];

    protected override IEnumerable<InvalidSetting> InvalidSettings =>
    [
        InvalidSetting.Of("UserId", ""),
        InvalidSetting.Of("AuthToken", ""),
        InvalidSetting.Of("DefaultChannel", ""),
        InvalidSetting.Of("DisplayTimeZone", "Mars/Olympus"),
        InvalidSetting.Of("Timeout", "00:00:00"),
        new(new Dictionary<string, string?> { ["UserId"] = "", ["AuthToken"] = "" }, "WebhookUrl"),
    ];

    [Fact]
    public void Options_Defaults_TenSecondCalls()
    {
        using var harness = CreateHarness();

        Assert.Equal(TimeSpan.FromSeconds(10), harness.Options<RocketChatOptions>().Timeout);
    }

    [Fact]
    public void Options_NeitherCredentialsNorWebhook_OneFailureNamingBothWays()
    {
        using var harness = CreateHarness(new Dictionary<string, string?> { ["UserId"] = "", ["AuthToken"] = "" });

        var failure = Assert.Single(StartFailures(harness));

        Assert.StartsWith("SyncHub:Adapters:RocketChat:WebhookUrl:", failure, StringComparison.Ordinal);
        Assert.Contains("UserId and AuthToken", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_WebhookOnly_IsValidWithoutDefaultChannel()
    {
        using var harness = CreateHarness(new Dictionary<string, string?>
        {
            ["UserId"] = "",
            ["AuthToken"] = "",
            ["DefaultChannel"] = "",
            ["WebhookUrl"] = rocketChat.HookUrl,
        });

        Assert.Empty(StartFailures(harness));
        Assert.False(harness.Options<RocketChatOptions>().UsesRestApi);
    }

    public void Dispose() => rocketChat.Dispose();
}
