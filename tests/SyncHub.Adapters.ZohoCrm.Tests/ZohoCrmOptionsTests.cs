using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.ZohoCrm.Tests;

public sealed class ZohoCrmOptionsTests
{
    [Fact]
    public void Defaults_AreZohosUsDataCentreAndTheDocumentedFields()
    {
        var options = new ZohoCrmOptions();

        Assert.Null(options.BaseUrl);
        Assert.Null(options.AccountsUrl);
        Assert.Equal(ZohoDataCenter.US, options.DataCenter);
        Assert.Equal(new Uri("https://accounts.zoho.com"), options.AccountsServer());
        Assert.Equal(new Uri("https://www.zohoapis.com"), options.DataCenterApiDomain());
        Assert.Equal("v8", options.ApiVersion);
        Assert.Equal(200, options.PageSize);
        Assert.Equal(["Accounts", "Contacts"], options.Modules());
        Assert.Equal(("Plan", "Account_Type", "Support_Expiry", "Website", "Phone"), (options.Fields.Plan, options.Fields.Status, options.Fields.SupportExpiry, options.Fields.Domains, options.Fields.AccountPhones));
        Assert.Null(options.InitialSyncFrom);
    }

    [Fact]
    public void Value_CompleteConfiguration_BindsEveryKey()
    {
        var options = Resolve(Complete(new()
        {
            ["BaseUrl"] = "https://www.zohoapis.eu",
            ["AccountsUrl"] = "https://accounts.zoho.eu",
            ["PageSize"] = "100",
            ["ContactsModule"] = "",
            ["InitialSyncFrom"] = "2025-01-01T00:00:00Z",
            ["Fields:Plan"] = "Product",
            ["Fields:Domains"] = "Website,Email_Domains",
        }));

        Assert.Equal(new Uri("https://accounts.zoho.eu"), options.AccountsUrl);
        Assert.Equal(100, options.PageSize);
        Assert.Equal(["Accounts"], options.Modules());
        Assert.Equal("Product", options.Fields.Plan);
        Assert.Equal(["Account_Name", "Product", "Account_Type", "Support_Expiry", "Website", "Email_Domains", "Phone", "Modified_Time"], options.Fields.AccountFields());
    }

    [Theory]
    [InlineData("EU", "https://accounts.zoho.eu/", "https://www.zohoapis.eu/")]
    [InlineData("in", "https://accounts.zoho.in/", "https://www.zohoapis.in/")]
    [InlineData("AU", "https://accounts.zoho.com.au/", "https://www.zohoapis.com.au/")]
    [InlineData("JP", "https://accounts.zoho.jp/", "https://www.zohoapis.jp/")]
    [InlineData("CA", "https://accounts.zohocloud.ca/", "https://www.zohoapis.ca/")]
    public void Value_DataCenter_PicksItsAccountsServerAndApiDomain(string dataCenter, string accounts, string api)
    {
        var options = Resolve(Complete(new() { ["DataCenter"] = dataCenter }));

        Assert.Equal(accounts, options.AccountsServer().ToString());
        Assert.Equal(api, options.DataCenterApiDomain().ToString());
        Assert.Null(options.BaseUrl);
    }

    [Fact]
    public void Value_DataCenterAndAccountsUrl_TheExplicitAccountsUrlWins()
    {
        var options = Resolve(Complete(new() { ["DataCenter"] = "EU", ["AccountsUrl"] = "https://accounts.example.test" }));

        Assert.Equal(new Uri("https://accounts.example.test"), options.AccountsServer());
    }

    [Fact]
    public void Value_Disabled_SkipsTheCredentialRules()
    {
        var options = Resolve(new() { ["Enabled"] = "false" });

        Assert.False(options.Enabled);
    }

    private static Dictionary<string, string?> Complete(Dictionary<string, string?> overrides)
    {
        var values = new Dictionary<string, string?>
        {
            ["Enabled"] = "true",
            ["ClientId"] = "id",
            ["ClientSecret"] = "secret",
            ["RefreshToken"] = "refresh",
        };
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        return values;
    }

    private static ZohoCrmOptions Resolve(Dictionary<string, string?> values) =>
        AdapterHarness.BindOptions<ZohoCrmOptions>(ZohoCrmModule.AdapterName, values);
}
