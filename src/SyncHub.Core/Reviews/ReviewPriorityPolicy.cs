using SyncHub.Pipeline;
using SyncHub.Domain;
using SyncHub.Policies;

namespace SyncHub.Reviews;

/// <summary>
/// Priority for app-review tickets from the rating and the wording (<c>SyncHub:Reviews:PriorityRules</c>, first match
/// wins: a low rating reporting a crash, a login problem or lost data is High, any other low rating Medium), otherwise
/// <see cref="ReviewOptions.DefaultPriority"/> (Low). Every other channel goes to the decorated policy.
/// </summary>
public sealed class ReviewPriorityPolicy(IPriorityPolicy inner, ReviewRules rules) : IPriorityPolicy
{
    // The decision when no rule matches, made once per rating, store and version (reviews of one release share them).
    private readonly RecurringValues<(int? Rating, string? Store, string? Version), PolicyDecision<Priority>> unmatched = new(facts =>
        new(rules.Options.DefaultPriority, $"app review ({ReviewFacts.Describe(facts.Rating, facts.Store, facts.Version)}): no review priority rule matched"));

    public PolicyDecision<Priority> Decide(TicketContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Record.Channel != Channel.AppReview)
        {
            return inner.Decide(context);
        }

        var review = ReviewFacts.From(context.Record);
        var (isBeta, _) = rules.Beta(review);
        // By index: a foreach over the interface would box the list's enumerator on every review.
        var priorityRules = rules.PriorityRules;
        for (var i = 0; i < priorityRules.Count; i++)
        {
            if (priorityRules[i].When.Match(review, isBeta) is { } facts)
            {
                return new(priorityRules[i].Priority, priorityRules[i].Explain(facts));
            }
        }

        return unmatched[(review.Rating, review.Store, review.Version)];
    }
}
