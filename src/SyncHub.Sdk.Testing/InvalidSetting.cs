namespace SyncHub.Sdk.Testing;

/// <summary>
/// A configuration that must stop the host at start, and the full key the failure must name. Keys are relative to the
/// module's section unless they start with <c>SyncHub:</c>; a null value removes the key (and the keys below it).
/// </summary>
/// <param name="Settings">The settings laid over the module's valid settings.</param>
/// <param name="FullKey">The key a failure must start with (followed by <c>:</c>), relative or absolute like the settings.</param>
public sealed record InvalidSetting(IReadOnlyDictionary<string, string?> Settings, string FullKey)
{
    /// <summary>One setting <paramref name="key"/> = <paramref name="value"/>, whose failure names <paramref name="fullKey"/> (by default the key itself).</summary>
    public static InvalidSetting Of(string key, string? value, string? fullKey = null) =>
        new(new Dictionary<string, string?> { [key] = value }, fullKey ?? key);

    /// <inheritdoc />
    public override string ToString() =>
        $"{string.Join(", ", Settings.Select(s => $"{s.Key}={s.Value ?? "(removed)"}"))} -> {FullKey}";
}
