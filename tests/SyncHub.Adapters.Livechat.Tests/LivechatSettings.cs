using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Livechat.Tests;

/// <summary>The adapter's configuration: the secret Rocket.Chat sends in its token header.</summary>
internal static class LivechatSettings
{
    /// <summary>The settings (keys relative to the section), with <paramref name="overrides"/> laid over them.</summary>
    public static Dictionary<string, string?> For(IDictionary<string, string?>? overrides = null) => AdapterHarness.Merge(
        new Dictionary<string, string?> { ["Enabled"] = "true", ["Secret"] = LivechatPayloads.Secret },
        overrides);

    /// <summary>The module wired as the host wires it.</summary>
    public static AdapterHarness Harness(IDictionary<string, string?>? overrides = null) => new(new LivechatModule(), For(overrides));

    /// <summary>Reads <paramref name="request"/> with the webhook at <c>/api/intake/livechat</c>.</summary>
    public static async Task<WebhookResult> ReadAsync(this AdapterHarness harness, WebhookRequest request) =>
        await harness.Webhook("livechat").ReadAsync(request, CancellationToken.None);
}
