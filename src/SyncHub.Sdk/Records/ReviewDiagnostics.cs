namespace SyncHub.Domain;

/// <summary>
/// The <see cref="Domain.IntakeRecord.Diagnostics"/> keys an app-review source fills (AppFollow does), and the review
/// policies read: rating, version, store, app, the store's beta/test track.
/// </summary>
public static class ReviewDiagnostics
{
    /// <summary>The star rating, 1 to 5.</summary>
    public const string Rating = "rating";

    /// <summary>The app version the review was written for, e.g. <c>4.2.0</c> or <c>4.3.0-rc1</c>.</summary>
    public const string AppVersion = "appVersion";

    /// <summary>The store code: <c>gp</c> (Google Play) or <c>as</c> (App Store).</summary>
    public const string Store = "store";

    public const string Locale = "locale";

    public const string Device = "device";

    /// <summary>The app's id in its store (App Store numeric id, Google Play package name).</summary>
    public const string AppId = "appId";

    /// <summary>The store's release track when it tells one (<c>beta</c>, <c>internal</c>, <c>testflight</c>...).</summary>
    public const string Track = "track";

    /// <summary>The answer the review already has in the store (given before SyncHub saw it), if any.</summary>
    public const string AnswerText = "answerText";

    /// <summary>When that answer was given, ISO 8601 (round-trip <c>O</c>); the ticket's first response is met then.</summary>
    public const string AnsweredAt = "answeredAt";

    /// <summary>A readable store name for a store code: <c>gp</c> is Google Play, <c>as</c> the App Store.</summary>
    public static string StoreName(string? store) => store?.Trim().ToLowerInvariant() switch
    {
        "gp" => "Google Play",
        "as" => "App Store",
        null or "" => "the store",
        var other => other,
    };
}
