namespace SyncHub.Reviews;

/// <summary>The validated vocabulary: concepts (<c>crash</c>, <c>login</c>...) and their normalized terms.</summary>
public sealed class ReviewVocabulary(IReadOnlyDictionary<string, IReadOnlyList<string>> concepts)
{
    /// <summary>Concept ids to terms as searched (see <see cref="ReviewText.Term"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Concepts { get; } = concepts;

    /// <summary>The concepts the normalized text mentions, sorted by id (the keyword part of a frequent-issue signature).</summary>
    public IReadOnlyList<string> Mentioned(string normalizedText) =>
        [.. Concepts
            .Where(c => c.Value.Any(term => ReviewText.Mentions(normalizedText, term)))
            .Select(c => c.Key)
            .Order(StringComparer.Ordinal)];
}
