namespace SyncHub.Reviews;

/// <summary>The validated vocabulary: concepts (<c>crash</c>, <c>login</c>...) and their normalized terms.</summary>
public sealed class ReviewVocabulary(IReadOnlyDictionary<string, IReadOnlyList<string>> concepts)
{
    /// <summary>The concepts sorted by id, as <see cref="Mentioned"/> lists them.</summary>
    private readonly (string Id, IReadOnlyList<string> Terms)[] byId =
        [.. concepts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value))];

    /// <summary>Concept ids to terms as searched (see <see cref="ReviewText.Term"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Concepts { get; } = concepts;

    /// <summary>The concepts <paramref name="review"/> mentions, sorted by id (the keyword part of a frequent-issue signature).</summary>
    public IReadOnlyList<string> Mentioned(ReviewFacts review)
    {
        ArgumentNullException.ThrowIfNull(review);
        // Loops over a sorted copy: a LINQ query here made closures, iterators and a sort per review.
        List<string>? mentioned = null;
        foreach (var (id, terms) in byId)
        {
            for (var i = 0; i < terms.Count; i++)
            {
                if (review.Mentions(terms[i]))
                {
                    (mentioned ??= []).Add(id);
                    break;
                }
            }
        }

        return mentioned ?? (IReadOnlyList<string>)[];
    }
}
