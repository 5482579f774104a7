using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Accounts;
using SyncHub.Pipeline;
using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.ZohoCrm.Tests;

/// <summary>The adapter's configuration for a <see cref="ZohoFake"/> (accounts server and CRM API): two records a page.</summary>
internal static class ZohoSettings
{
    public const string Section = "SyncHub:Adapters:ZohoCrm";

    public static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The settings (keys relative to the section), with <paramref name="overrides"/> laid over them.</summary>
    public static Dictionary<string, string?> For(ZohoFake fake, IDictionary<string, string?>? overrides = null) => AdapterHarness.Merge(
        new Dictionary<string, string?>
        {
            ["Enabled"] = "true",
            ["BaseUrl"] = fake.Url,
            ["AccountsUrl"] = fake.Url,
            ["ClientId"] = ZohoFake.ClientId,
            ["ClientSecret"] = ZohoFake.ClientSecret,
            ["RefreshToken"] = ZohoFake.RefreshToken,
            ["PageSize"] = "2",
            ["Timeout"] = "01:00:00",
            ["RetryDelay"] = "00:00:01",
        },
        overrides);

    /// <summary>The module wired as the host wires it (with the in-memory account directory), pointed at <paramref name="fake"/>.</summary>
    public static AdapterHarness Harness(ZohoFake fake, FakeTimeProvider time, IDictionary<string, string?>? overrides = null) =>
        new(new ZohoCrmModule(), For(fake, overrides), time, services => services.AddInMemoryAccountDirectory());

    /// <summary>The poll target the host's poller runs for the adapter: source, then account directory.</summary>
    public static IPollTarget PollTarget(this AdapterHarness harness) =>
        harness.Provider.GetRequiredService<PollingSourceDescriptor>().Create(harness.Provider);
}
