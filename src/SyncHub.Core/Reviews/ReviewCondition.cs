using System.Globalization;
using SyncHub.Policies.Rules;

namespace SyncHub.Reviews;

/// <summary>A validated <see cref="ReviewConditionOptions"/>: answers whether a review matches, and why.</summary>
public sealed class ReviewCondition
{
    private readonly int? minRating;
    private readonly int? maxRating;
    private readonly IReadOnlyList<(string Shown, string Term)>? terms;
    private readonly IReadOnlySet<string>? stores;
    private readonly bool? beta;

    private ReviewCondition(int? minRating, int? maxRating, IReadOnlyList<(string Shown, string Term)>? terms, IReadOnlySet<string>? stores, bool? beta)
    {
        this.minRating = minRating;
        this.maxRating = maxRating;
        this.terms = terms;
        this.stores = stores;
        this.beta = beta;
    }

    /// <summary>Null when the review does not match; otherwise the facts that matched, e.g. <c>rating 1 ≤ 2, mentions "crash"</c>.</summary>
    public string? Match(ReviewFacts review, bool isBeta)
    {
        ArgumentNullException.ThrowIfNull(review);

        // Every condition is checked before any fact is written: most rules do not match most reviews.
        var rated = minRating is not null || maxRating is not null;
        string? shown = null;
        if ((rated && (review.Rating is not { } stars || stars < (minRating ?? int.MinValue) || stars > (maxRating ?? int.MaxValue)))
            || (stores is not null && (review.Store is null || !stores.Contains(review.Store)))
            || (beta is { } wanted && isBeta != wanted)
            || (terms is not null && (shown = Mentioned(terms, review)) is null))
        {
            return null;
        }

        var facts = new List<string>(4);
        if (rated)
        {
            var rating = review.Rating!.Value;
            facts.Add(maxRating is { } max
                ? $"rating {rating.ToString(CultureInfo.InvariantCulture)} ≤ {max.ToString(CultureInfo.InvariantCulture)}"
                : $"rating {rating.ToString(CultureInfo.InvariantCulture)} ≥ {minRating!.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        if (stores is not null)
        {
            facts.Add($"store {review.Store}");
        }

        if (beta is not null)
        {
            facts.Add(isBeta ? "beta" : "released version");
        }

        if (shown is not null)
        {
            facts.Add($"mentions \"{shown}\"");
        }

        return string.Join(", ", facts);
    }

    /// <summary>The condition, or null with errors (keys under <paramref name="key"/>) when it is invalid.</summary>
    internal static ReviewCondition? Create(
        ReviewConditionOptions? options,
        string key,
        IReadOnlyDictionary<string, IReadOnlyList<string>> vocabulary,
        List<SettingError> errors)
    {
        var errorCount = errors.Count;
        if (options is null || options is { MinRating: null, MaxRating: null, Keywords: null, Concepts: null, Stores: null, Beta: null })
        {
            errors.Add(new(key, "is required: give at least one condition (MinRating, MaxRating, Keywords, Concepts, Stores, Beta)"));
            return null;
        }

        var min = Rating(options.MinRating, $"{key}:{nameof(ReviewConditionOptions.MinRating)}", errors);
        var max = Rating(options.MaxRating, $"{key}:{nameof(ReviewConditionOptions.MaxRating)}", errors);
        if (min > max)
        {
            errors.Add(new($"{key}:{nameof(ReviewConditionOptions.MinRating)}", $"is above MaxRating ({max})"));
        }

        List<(string, string)>? terms = null;
        if (options.Keywords is not null || options.Concepts is not null)
        {
            terms = [];
            CheckList(options.Keywords, $"{key}:{nameof(ReviewConditionOptions.Keywords)}", errors);
            foreach (var keyword in options.Keywords ?? [])
            {
                if (!string.IsNullOrWhiteSpace(keyword))
                {
                    terms.Add((keyword.Trim(), ReviewText.Term(keyword)));
                }
            }

            var conceptsKey = $"{key}:{nameof(ReviewConditionOptions.Concepts)}";
            CheckList(options.Concepts, conceptsKey, errors);
            for (var i = 0; i < (options.Concepts?.Count ?? 0); i++)
            {
                var concept = options.Concepts![i]?.Trim();
                if (string.IsNullOrEmpty(concept))
                {
                    continue;
                }

                if (vocabulary.TryGetValue(concept, out var conceptTerms))
                {
                    terms.AddRange(conceptTerms.Select(t => ($"{t.Trim()}", t)));
                }
                else
                {
                    errors.Add(new($"{conceptsKey}:{i}", $"'{concept}' is not a concept of SyncHub:Reviews:Vocabulary ({string.Join(", ", vocabulary.Keys.Order(StringComparer.Ordinal))})"));
                }
            }
        }

        HashSet<string>? stores = null;
        if (options.Stores is not null)
        {
            var storesKey = $"{key}:{nameof(ReviewConditionOptions.Stores)}";
            CheckList(options.Stores, storesKey, errors);
            stores = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < options.Stores.Count; i++)
            {
                var store = options.Stores[i]?.Trim().ToLowerInvariant();
                if (store is "gp" or "as")
                {
                    stores.Add(store);
                }
                else if (!string.IsNullOrEmpty(store))
                {
                    errors.Add(new($"{storesKey}:{i}", $"'{options.Stores[i]}' is not a store code: gp (Google Play), as (App Store)"));
                }
            }
        }

        bool? beta = null;
        if (options.Beta is not null)
        {
            if (bool.TryParse(options.Beta.Trim(), out var wanted))
            {
                beta = wanted;
            }
            else
            {
                errors.Add(new($"{key}:{nameof(ReviewConditionOptions.Beta)}", $"'{options.Beta}' is not true or false"));
            }
        }

        return errors.Count == errorCount ? new ReviewCondition(min, max, terms, stores, beta) : null;
    }

    private static int? Rating(string? text, string key, List<SettingError> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var rating) && rating is >= 1 and <= 5)
        {
            return rating;
        }

        errors.Add(new(key, $"'{text}' is not a rating from 1 to 5"));
        return null;
    }

    private static void CheckList(List<string>? values, string key, List<SettingError> errors)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count == 0)
        {
            errors.Add(new(key, "is empty: list at least one value, or leave the condition out"));
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                errors.Add(new($"{key}:{i}", "is empty"));
            }
        }
    }

    /// <summary>How the first of <paramref name="terms"/> that <paramref name="review"/> mentions is shown, else null.</summary>
    private static string? Mentioned(IReadOnlyList<(string Shown, string Term)> terms, ReviewFacts review)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (review.Mentions(terms[i].Term))
            {
                return terms[i].Shown;
            }
        }

        return null;
    }
}
