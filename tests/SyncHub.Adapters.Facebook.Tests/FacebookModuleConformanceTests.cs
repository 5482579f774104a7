using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Facebook.Tests;

public sealed class FacebookModuleConformanceTests : AdapterModuleConformance<FacebookModule>
{
    protected override IReadOnlyDictionary<string, string?> ValidSettings => FacebookSettings.For();

    protected override IReadOnlyCollection<Type> Components => [typeof(FacebookWebhook)];

    protected override IEnumerable<InvalidSetting> InvalidSettings =>
    [
        InvalidSetting.Of("AppSecret", ""),
        InvalidSetting.Of("VerifyToken", " "),
        InvalidSetting.Of("ThreadWindow", "-01:00:00"),
        InvalidSetting.Of("ThreadWindow", "31.00:00:00"),
    ];

    [Fact]
    public void Options_PageIds_BindFromConfiguration()
    {
        using var harness = CreateHarness(new Dictionary<string, string?> { ["PageIds:0"] = "1", ["PageIds:1"] = "2" });

        Assert.Equal(["1", "2"], harness.Options<FacebookOptions>().PageIds);
    }
}
