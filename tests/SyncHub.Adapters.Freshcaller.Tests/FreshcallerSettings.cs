using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Freshcaller.Tests;

/// <summary>The adapter's configuration for a <see cref="FreshcallerFake"/>: two calls a page, from 08:00 on the harness's clock.</summary>
internal static class FreshcallerSettings
{
    public const string Section = "SyncHub:Adapters:Freshcaller";
    public const string WebhookSecret = "hotline-relay-secret-7f3a";

    /// <summary>The harness clock's now; with the default settle delay, windows end at 11:55:00.</summary>
    public static readonly DateTimeOffset Now = AdapterHarness.DefaultNow;

    /// <summary>The settings (keys relative to the section), with <paramref name="overrides"/> laid over them.</summary>
    public static Dictionary<string, string?> For(FreshcallerFake fake, IDictionary<string, string?>? overrides = null) => AdapterHarness.Merge(
        new Dictionary<string, string?>
        {
            ["Enabled"] = "true",
            ["BaseUrl"] = fake.ApiUrl,
            ["ApiKey"] = FreshcallerFake.ApiKey,
            ["WebhookSecret"] = WebhookSecret,
            ["PageSize"] = "2",
            ["StartFrom"] = "2026-11-30T08:00:00Z",
            ["RetryDelay"] = "00:00:00.010",
            ["Timeout"] = "00:01:00",
        },
        overrides);

    /// <summary>The module wired as the host wires it, pointed at <paramref name="fake"/>.</summary>
    public static AdapterHarness Harness(FreshcallerFake fake, IDictionary<string, string?>? overrides = null) =>
        new(new FreshcallerModule(), For(fake, overrides));
}
