using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Freshcaller.Tests;

public sealed class FreshcallerModuleConformanceTests : AdapterModuleConformance<FreshcallerModule>, IDisposable
{
    private readonly FreshcallerFake freshcaller = new();

    protected override IReadOnlyDictionary<string, string?> ValidSettings => FreshcallerSettings.For(freshcaller);

    protected override IReadOnlyCollection<Type> Components => [typeof(FreshcallerSource), typeof(FreshcallerWebhook)];

    protected override IEnumerable<InvalidSetting> InvalidSettings =>
    [
        InvalidSetting.Of("ApiKey", ""),
        InvalidSetting.Of("BaseUrl", ""),
        InvalidSetting.Of("WebhookSecret", "short"),
        InvalidSetting.Of("PageSize", "0"),
        InvalidSetting.Of("SettleDelay", "-00:01:00"),
        new InvalidSetting(
            new Dictionary<string, string?>
            {
                ["Coverage:Shifts:0:Name"] = "Day",
                ["Coverage:Shifts:0:Days:0"] = "Mon-Fri",
                ["Coverage:Shifts:0:Start"] = "08:00",
                ["Coverage:Shifts:0:End"] = "20:00",
                ["Coverage:Shifts:0:TimeZone"] = "America/Sao_Paulo_Typo",
            },
            "Coverage:Shifts:0:TimeZone"),
    ];

    [Fact]
    public void Options_Defaults_AreValidWithCredentials()
    {
        using var harness = CreateHarness([new("PollInterval", "00:02:00")]);

        var options = harness.Options<FreshcallerOptions>();

        Assert.Equal(FreshcallerFake.ApiKey, options.ApiKey);
        Assert.Equal("X-Webhook-Secret", options.WebhookSecretHeader);
        Assert.Equal(TimeSpan.FromMinutes(5), options.SettleDelay);
        Assert.Equal(TimeSpan.FromMinutes(2), options.PollInterval);
    }

    public void Dispose() => freshcaller.Dispose();
}
