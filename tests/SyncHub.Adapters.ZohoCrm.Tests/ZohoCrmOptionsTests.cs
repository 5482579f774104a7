using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Hosting;

namespace SyncHub.Adapters.ZohoCrm.Tests;

public sealed class ZohoCrmOptionsTests
{
    private const string Section = "SyncHub:Adapters:ZohoCrm";

    [Fact]
    public void Defaults_AreZohosUsDataCentreAndTheDocumentedFields()
    {
        var options = new ZohoCrmOptions();

        Assert.Equal(new Uri("https://www.zohoapis.com"), options.BaseUrl);
        Assert.Equal(new Uri("https://accounts.zoho.com"), options.AccountsUrl);
        Assert.Equal("v8", options.ApiVersion);
        Assert.Equal(200, options.PageSize);
        Assert.Equal(["Accounts", "Contacts"], options.Modules());
        Assert.Equal(("Plan", "Account_Type", "Support_Expiry", "Website", "Phone"), (options.Fields.Plan, options.Fields.Status, options.Fields.SupportExpiry, options.Fields.Domains, options.Fields.AccountPhones));
        Assert.Null(options.InitialSyncFrom);
    }

    [Fact]
    public void Value_EnabledWithoutCredentials_FailsNamingEveryFullKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Enabled"] = "true" }));

        Assert.Contains($"{Section}:ClientId: ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{Section}:ClientSecret: ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{Section}:RefreshToken: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PageSize", "500", "PageSize")]
    [InlineData("PageSize", "0", "PageSize")]
    [InlineData("ApiVersion", "latest", "ApiVersion")]
    [InlineData("BaseUrl", "/relative", "BaseUrl")]
    [InlineData("Fields:Plan", "Plan Name", "Fields:Plan")]
    [InlineData("Fields:AccountName", "", "Fields:AccountName")]
    [InlineData("ContactsModule", "Contacts!", "ContactsModule")]
    [InlineData("Timeout", "00:00:00", "Timeout")]
    public void Value_InvalidSetting_FailsNamingTheFullKey(string key, string value, string reported)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(Complete(new() { [key] = value })));

        Assert.Contains($"{Section}:{reported}: ", error.Message, StringComparison.Ordinal);
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

    private static ZohoCrmOptions Resolve(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(kv => $"{Section}:{kv.Key}", kv => kv.Value))
            .Build();
        var services = new ServiceCollection();
        new SyncHubBuilder(services, configuration).AddAdapterOptions<ZohoCrmOptions>(configuration.GetSection(Section));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ZohoCrmOptions>>().Value;
    }
}
