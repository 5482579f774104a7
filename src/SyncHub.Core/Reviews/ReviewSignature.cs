using System.Text.RegularExpressions;

namespace SyncHub.Reviews;

/// <summary>
/// The signature frequent issues are counted by: the store and app, the app version (as much as
/// <see cref="FrequentIssueOptions.VersionScope"/> keeps) and the vocabulary concepts the review mentions, e.g.
/// <c>gp:chat.rocket.android|4.2.0|crash+login</c>. A review that mentions no concept has no signature.
/// </summary>
public static partial class ReviewSignature
{
    public static string? Of(ReviewFacts review, ReviewVocabulary vocabulary, VersionScope scope)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var concepts = vocabulary.Mentioned(review);
        if (concepts.Count == 0)
        {
            return null;
        }

        var version = scope switch
        {
            VersionScope.Any => "*",
            VersionScope.Minor when review.Version is { } v && MinorVersion().Match(v) is { Success: true } m => m.Value,
            _ => review.Version ?? "?",
        };
        return $"{review.Store ?? "?"}:{review.AppId ?? "?"}|{version}|{string.Join('+', concepts)}";
    }

    /// <summary>The concepts part of a signature, for alert text: <c>crash, login</c>.</summary>
    public static string Concepts(string signature) =>
        signature[(signature.LastIndexOf('|') + 1)..].Replace("+", ", ", StringComparison.Ordinal);

    [GeneratedRegex(@"^\d+\.\d+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex MinorVersion();
}
