using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Twitter.Tests;

/// <summary>The adapter's configuration for a <see cref="TwitterFake"/>: five mentions a page, on the harness's clock.</summary>
internal static class TwitterSettings
{
    public const string Section = "SyncHub:Adapters:Twitter";

    public static readonly DateTimeOffset Now = AdapterHarness.DefaultNow;

    /// <summary>The settings (keys relative to the section), with <paramref name="overrides"/> laid over them.</summary>
    public static Dictionary<string, string?> For(TwitterFake fake, IDictionary<string, string?>? overrides = null) => AdapterHarness.Merge(
        new Dictionary<string, string?>
        {
            ["Enabled"] = "true",
            ["BaseUrl"] = fake.ApiUrl,
            ["BearerToken"] = TwitterFake.BearerToken,
            ["UserId"] = TwitterFake.SupportUserId,
            ["PageSize"] = "5",
            ["RetryDelay"] = "00:00:00.010",
            ["Timeout"] = "00:10:00",
        },
        overrides);

    /// <summary>The module wired as the host wires it, pointed at <paramref name="fake"/>.</summary>
    public static AdapterHarness Harness(TwitterFake fake, IDictionary<string, string?>? overrides = null) =>
        new(new TwitterModule(), For(fake, overrides));
}
