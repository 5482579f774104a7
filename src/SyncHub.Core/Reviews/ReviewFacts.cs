using System.Globalization;
using SyncHub.Domain;

namespace SyncHub.Reviews;

/// <summary>What the review policies read from an app-review record: its diagnostics and its wording (normalized).</summary>
public sealed record ReviewFacts(int? Rating, string? Version, string? Store, string? AppId, string? Track, string Text)
{
    public static ReviewFacts From(IntakeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var diagnostics = record.Diagnostics;
        int? rating = Value(diagnostics, ReviewDiagnostics.Rating) is { } text
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var stars)
                ? stars
                : null;
        return new ReviewFacts(
            rating,
            Value(diagnostics, ReviewDiagnostics.AppVersion),
            Value(diagnostics, ReviewDiagnostics.Store)?.ToLowerInvariant(),
            Value(diagnostics, ReviewDiagnostics.AppId),
            Value(diagnostics, ReviewDiagnostics.Track),
            ReviewText.Normalize($"{record.Subject}\n{record.Body}"));
    }

    /// <summary>"2★ on Google Play, version 4.2.0" for alerts and history.</summary>
    public string Describe() =>
        $"{(Rating is { } r ? $"{r.ToString(CultureInfo.InvariantCulture)}★" : "unrated")} on {ReviewDiagnostics.StoreName(Store)}" +
        (Version is null ? "" : $", version {Version}");

    private static string? Value(IReadOnlyDictionary<string, string> diagnostics, string key) =>
        diagnostics.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
