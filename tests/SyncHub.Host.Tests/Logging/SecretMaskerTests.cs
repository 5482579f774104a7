using System.Text;
using Microsoft.Extensions.Configuration;
using Serilog.Events;
using Serilog.Parsing;
using SyncHub.Diagnostics;
using SyncHub.Host.Logging;

namespace SyncHub.Host.Tests.Logging;

public sealed class SecretMaskerTests
{
    private const string Configured = "fbverify/Tc5+jB1=hostile";
    private const string Minted = "1000.zoho-access.f3a9c2b7";

    private static string Masked(SecretRegistry registry, string text)
    {
        var logEvent = new LogEvent(TimeProvider.System.GetUtcNow(), LogEventLevel.Verbose, null, new MessageTemplateParser().Parse("{Value}"), [new LogEventProperty("Value", new ScalarValue(text))]);
        new SecretMasker(registry).Enrich(logEvent, null!);
        return (string)((ScalarValue)logEvent.Properties["Value"]).Value!;
    }

    public static TheoryData<string> Forms() =>
    [
        Configured,
        Uri.EscapeDataString(Configured),
        System.Text.RegularExpressions.Regex.Replace(Uri.EscapeDataString(Configured), "%[0-9A-F]{2}", m => m.Value.ToLowerInvariant()),
        "fbverify%2FTc5+jB1%3dhostile",
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Configured)),
    ];

    [Theory]
    [MemberData(nameof(Forms))]
    public void ConfiguredSecret_InAnyEncoding_IsMasked(string form)
    {
        var registry = new SecretRegistry([Configured]);

        var logged = Masked(registry, $"GET /api/intake/facebook?hub.verify_token={form}&hub.mode=subscribe");

        Assert.DoesNotContain(form, logged, StringComparison.Ordinal);
        Assert.DoesNotContain("Tc5", logged, StringComparison.Ordinal);
        Assert.Contains("hub.mode=subscribe", logged, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenMintedAtRunTime_IsMaskedFromTheMomentItIsAdded()
    {
        var registry = new SecretRegistry([Configured]);
        var header = $"Authorization: Zoho-oauthtoken {Minted}";
        var before = Masked(registry, header);

        ((SyncHub.Adapters.ISecretRegistry)registry).Add(Minted);

        Assert.Equal(header, before);
        Assert.Equal("Authorization: Zoho-oauthtoken ***", Masked(registry, header));
    }

    [Fact]
    public void SecretValues_TakeSettingsThatNameASecret_NotTheProcessEnvironment()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PWD"] = "/srv/synchub/current",
            ["OLDPWD"] = "/srv/synchub",
            ["SyncHub:Adapters:Smtp:Password"] = "smtp-pass-123",
            ["SyncHub:Api:Keys:0"] = "api-key-123456",
            ["ConnectionStrings:Redis"] = "127.0.0.1:6379,password=redis-pass-1",
        }).Build();

        var secrets = SecretValues.From(configuration);

        Assert.Equal(["api-key-123456", "redis-pass-1", "smtp-pass-123"], secrets.Order(StringComparer.Ordinal));
        Assert.Equal("cd /srv/synchub/current", Masked(new SecretRegistry(secrets), "cd /srv/synchub/current"));
    }
}
