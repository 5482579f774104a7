using System.Globalization;
using SyncHub.Domain;

namespace SyncHub.Reviews;

/// <summary>What the review policies read from an app-review record: its diagnostics and its wording (normalized).</summary>
public sealed record ReviewFacts(int? Rating, string? Version, string? Store, string? AppId, string? Track)
{
    /// <summary>
    /// The facts of the record this thread read last. A review's record is read by the priority and assignment
    /// policies and by the alerts, one after the other, usually on one thread: it is read once.
    /// </summary>
    [ThreadStatic]
    private static (IntakeRecord Record, ReviewFacts Facts)? last;

    /// <summary>This thread's normalized wording of the review it matched terms against last (see <see cref="Mentions"/>).</summary>
    [ThreadStatic]
    private static Wording? threadWording;

    private readonly string? title;
    private readonly string? body;
    private string? text;

    /// <summary>Facts of a review whose wording is <paramref name="title"/>, a line break and <paramref name="body"/>.</summary>
    public ReviewFacts(int? rating, string? version, string? store, string? appId, string? track, string? title, string? body)
        : this(rating, version, store, appId, track) => (this.title, this.body) = (title, body);

    /// <summary>
    /// The wording as terms are matched against it (<see cref="ReviewText.Normalize(string?, string?)"/>), made on first use:
    /// matching (<see cref="Mentions"/>) does without it.
    /// </summary>
    public string Text => text ??= ReviewText.Normalize(title, body);

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

    /// <summary>
    /// True when the wording mentions <paramref name="term"/> (<see cref="ReviewText.Term"/>; see
    /// <see cref="ReviewText.Mentions(string, string)"/>). The wording is normalized into this thread's buffer, once for the
    /// review matched last on the thread, rather than into a string per review (two bytes a character of every review).
    /// </summary>
    public bool Mentions(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        if (text is not null)
        {
            return ReviewText.Mentions(text, term);
        }

        var wording = threadWording ??= new Wording();
        if (!ReferenceEquals(wording.Of, this))
        {
            wording.Length = ReviewText.NormalizeInto(title, body, ref wording.Buffer);
            wording.Of = this;
        }

        return ReviewText.Mentions(wording.Buffer.AsSpan(0, wording.Length), term);
    }

    /// <summary>"2★ on Google Play, version 4.2.0" for alerts and history.</summary>
    public string Describe() => Describe(Rating, Store, Version);

    /// <summary>As <see cref="Describe()"/>, from the rating, store and version alone.</summary>
    internal static string Describe(int? rating, string? store, string? version) =>
        $"{(rating is { } r ? $"{r.ToString(CultureInfo.InvariantCulture)}★" : "unrated")} on {ReviewDiagnostics.StoreName(store)}" +
        (version is null ? "" : $", version {version}");

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
            record.Subject,
            record.Body);
    }

    private static string? Value(IReadOnlyDictionary<string, string> diagnostics, string key) =>
        diagnostics.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private sealed class Wording
    {
        public ReviewFacts? Of;
        public char[]? Buffer;
        public int Length;
    }
}
