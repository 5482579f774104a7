using System.Globalization;
using SyncHub.Domain;

namespace SyncHub.Reviews;

/// <summary>What the review policies read from an app-review record: its diagnostics and its wording (normalized).</summary>
public sealed record ReviewFacts(int? Rating, string? Version, string? Store, string? AppId, string? Track, string Text)
{
    /// <summary>
    /// The facts of the record this thread read last. A review's record is read by the priority and assignment
    /// policies and by the alerts, one after the other, usually on one thread: the text is normalized once.
    /// </summary>
    [ThreadStatic]
    private static (IntakeRecord Record, ReviewFacts Facts)? last;

    /// <summary>The facts of <paramref name="record"/> (the same instance for the same record read again on one thread).</summary>
    public static ReviewFacts From(IntakeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (last is { } known && ReferenceEquals(known.Record, record))
        {
            return known.Facts;
        }

        var facts = Read(record);
        last = (record, facts);
        return facts;
    }

    private static ReviewFacts Read(IntakeRecord record)
    {
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
            ReviewText.Normalize(record.Subject, record.Body));
    }

    /// <summary>"2★ on Google Play, version 4.2.0" for alerts and history.</summary>
    public string Describe() =>
        $"{(Rating is { } r ? $"{r.ToString(CultureInfo.InvariantCulture)}★" : "unrated")} on {ReviewDiagnostics.StoreName(Store)}" +
        (Version is null ? "" : $", version {Version}");

    private static string? Value(IReadOnlyDictionary<string, string> diagnostics, string key) =>
        diagnostics.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
