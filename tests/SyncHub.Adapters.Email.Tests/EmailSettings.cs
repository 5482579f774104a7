using SyncHub.Adapters.Email.Tests.Servers;

namespace SyncHub.Adapters.Email.Tests;

/// <summary>The modules' configuration: the IMAP intake against the test dovecot, the SMTP notifier against a test server.</summary>
internal static class EmailSettings
{
    /// <summary><c>SyncHub:Adapters:Email</c> for <paramref name="user"/>'s mailbox on <paramref name="port"/>, with <paramref name="overrides"/>.</summary>
    public static Dictionary<string, string?> Imap(int port, string user, IDictionary<string, string?>? overrides = null) => Sdk.Testing.AdapterHarness.Merge(
        new Dictionary<string, string?>
        {
            ["Enabled"] = "true",
            ["Host"] = "127.0.0.1",
            ["Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Security"] = "None",
            ["User"] = user,
            ["Password"] = DovecotServer.Password,
            ["Timeout"] = "00:00:30",
        },
        overrides);

    /// <summary><c>SyncHub:Adapters:Smtp</c> for a server on <paramref name="port"/>, with <paramref name="overrides"/>.</summary>
    public static Dictionary<string, string?> Smtp(int port, IDictionary<string, string?>? overrides = null) => Sdk.Testing.AdapterHarness.Merge(
        new Dictionary<string, string?>
        {
            ["Enabled"] = "true",
            ["Host"] = "127.0.0.1",
            ["Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Security"] = "None",
            ["From"] = "SyncHub Support <support@synchub.test>",
            ["Timeout"] = "00:00:30",
        },
        overrides);
}
