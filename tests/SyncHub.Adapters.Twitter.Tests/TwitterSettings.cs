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

    /// <summary>Settings against <paramref name="x"/> with the OAuth 2.0 user token, its refresh token and the app's client credentials.</summary>
    public static Dictionary<string, string?> OAuth2(XUserFake x, IDictionary<string, string?>? overrides = null) => AdapterHarness.Merge(
        UserContext(x, new Dictionary<string, string?>
        {
            ["UserAccessToken"] = XUserFake.UserAccessToken,
            ["UserRefreshToken"] = XUserFake.UserRefreshToken,
            ["ClientId"] = XUserFake.ClientId,
            ["ClientSecret"] = XUserFake.ClientSecret,
        }),
        overrides);

    /// <summary>Settings against <paramref name="x"/> with the OAuth 1.0a user keys.</summary>
    public static Dictionary<string, string?> OAuth1(XUserFake x, IDictionary<string, string?>? overrides = null) => AdapterHarness.Merge(
        UserContext(x, new Dictionary<string, string?>
        {
            ["ConsumerKey"] = XUserFake.ConsumerKey,
            ["ConsumerSecret"] = XUserFake.ConsumerSecret,
            ["AccessToken"] = XUserFake.AccessToken,
            ["AccessTokenSecret"] = XUserFake.AccessTokenSecret,
        }),
        overrides);

    private static Dictionary<string, string?> UserContext(XUserFake x, Dictionary<string, string?> credentials) => AdapterHarness.Merge(
        new Dictionary<string, string?>
        {
            ["Enabled"] = "true",
            ["BaseUrl"] = x.ApiUrl,
            ["BearerToken"] = TwitterFake.BearerToken,
            ["UserId"] = TwitterFake.SupportUserId,
            ["PageSize"] = "5",
            ["RetryDelay"] = "00:00:00.010",
            ["Timeout"] = "00:10:00",
        },
        credentials);
}
