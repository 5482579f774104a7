using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.ZohoCrm.Tests;

public sealed class ZohoCrmModuleConformanceTests : AdapterModuleConformance<ZohoCrmModule>, IDisposable
{
    private readonly ZohoFake zoho = new();

    protected override IReadOnlyDictionary<string, string?> ValidSettings => ZohoSettings.For(zoho);

    protected override IReadOnlyCollection<Type> Components => [typeof(ZohoCrmSource)];

    protected override IEnumerable<InvalidSetting> InvalidSettings =>
    [
        InvalidSetting.Of("ClientId", null),
        InvalidSetting.Of("ClientSecret", null),
        InvalidSetting.Of("RefreshToken", null),
        InvalidSetting.Of("PageSize", "500"),
        InvalidSetting.Of("PageSize", "0"),
        InvalidSetting.Of("ApiVersion", "latest"),
        InvalidSetting.Of("BaseUrl", "/relative"),
        InvalidSetting.Of("Fields:Plan", "Plan Name"),
        InvalidSetting.Of("Fields:AccountName", ""),
        InvalidSetting.Of("ContactsModule", "Contacts!"),
        InvalidSetting.Of("Timeout", "00:00:00"),
    ];

    public void Dispose() => zoho.Dispose();
}
