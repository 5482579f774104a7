using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.WebForm.Tests;

/// <summary>The adapter's configuration: the token the form sends as <c>Authorization: Bearer</c>.</summary>
internal static class WebFormSettings
{
    public const string Token = "form-secret-1";

    /// <summary>The settings (keys relative to the section), with <paramref name="overrides"/> laid over them.</summary>
    public static Dictionary<string, string?> For(IDictionary<string, string?>? overrides = null) => AdapterHarness.Merge(
        new Dictionary<string, string?> { ["Enabled"] = "true", ["Token"] = Token },
        overrides);

    /// <summary>A form submission posted with <paramref name="authorization"/> (none when null).</summary>
    public static WebhookRequest Request(string json, string? authorization = "Bearer " + Token) =>
        WebhookRequests.Post(json, ("Authorization", authorization));
}
