using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Facebook.Tests;

/// <summary>The adapter's configuration: the app secret that signs events and the handshake's verify token.</summary>
internal static class FacebookSettings
{
    public const string Section = "SyncHub:Adapters:Facebook";

    public static readonly DateTimeOffset Now = AdapterHarness.DefaultNow;

    /// <summary>The settings (keys relative to the section), with <paramref name="overrides"/> laid over them.</summary>
    public static Dictionary<string, string?> For(IDictionary<string, string?>? overrides = null) => AdapterHarness.Merge(
        new Dictionary<string, string?>
        {
            ["Enabled"] = "true",
            ["AppSecret"] = FacebookPayloads.AppSecret,
            ["VerifyToken"] = FacebookPayloads.VerifyToken,
        },
        overrides);

    /// <summary>The module wired as the host wires it.</summary>
    public static AdapterHarness Harness(IDictionary<string, string?>? overrides = null) => new(new FacebookModule(), For(overrides));

    /// <summary>Reads <paramref name="request"/> with the webhook at <c>/api/intake/facebook</c>.</summary>
    public static async Task<WebhookResult> ReadAsync(this AdapterHarness harness, WebhookRequest request) =>
        await harness.Webhook("facebook").ReadAsync(request, CancellationToken.None);
}
