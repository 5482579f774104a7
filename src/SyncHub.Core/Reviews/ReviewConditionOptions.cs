namespace SyncHub.Reviews;

/// <summary>
/// A condition over an app review, in the style of the routing rules' <c>When</c>: every condition given must hold;
/// within a list any value matches. Values are text, validated at start.
/// </summary>
public sealed class ReviewConditionOptions
{
    /// <summary>The lowest rating that matches (1 to 5).</summary>
    public string? MinRating { get; set; }

    /// <summary>The highest rating that matches (1 to 5); a review without a rating matches no rating condition.</summary>
    public string? MaxRating { get; set; }

    /// <summary>
    /// Words or phrases in the review's title or text. Matched ignoring case, accents and punctuation, at the start of a
    /// word: <c>crash</c> matches "Crashes" and "crashing", <c>log in</c> matches "can't log-in".
    /// </summary>
    public List<string>? Keywords { get; set; }

    /// <summary>Concepts of <c>SyncHub:Reviews:Vocabulary</c> (<c>crash</c>, <c>login</c>, <c>data-loss</c>...): any of their terms matches.</summary>
    public List<string>? Concepts { get; set; }

    /// <summary>Store codes: <c>gp</c> (Google Play), <c>as</c> (App Store).</summary>
    public List<string>? Stores { get; set; }

    /// <summary><c>true</c>: a beta version or test track only; <c>false</c>: released versions only.</summary>
    public string? Beta { get; set; }
}
