using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Email.Tests;

public sealed class EmailModuleConformanceTests : AdapterModuleConformance<EmailModule>
{
    protected override IReadOnlyDictionary<string, string?> ValidSettings => EmailSettings.Imap(993, "support@example.com");

    protected override IReadOnlyCollection<Type> Components => [typeof(EmailSource)];

    protected override IEnumerable<InvalidSetting> InvalidSettings =>
    [
        InvalidSetting.Of("Host", null),
        InvalidSetting.Of("User", null),
        InvalidSetting.Of("Password", null),
        InvalidSetting.Of("Port", "0"),
        InvalidSetting.Of("Folders:0", "", "Folders"),
        InvalidSetting.Of("Timeout", "00:00:00"),
    ];

    [Fact]
    public void ValidateOnStart_MissingPassword_SaysItIsRequired()
    {
        using var harness = CreateHarness(new Dictionary<string, string?> { ["Password"] = null });

        Assert.Contains("SyncHub:Adapters:Email:Password: is required when the adapter is enabled", StartFailures(harness));
    }
}
