using SyncHub.Domain;
using SyncHub.Pipeline;
using SyncHub.Policies;

namespace SyncHub.Reviews;

/// <summary>
/// Team routing for app-review tickets, as the support process says: reviews of beta versions (the version matches
/// <see cref="ReviewOptions.BetaVersionPattern"/>, the store tells a test track, or the app is listed in
/// <see cref="ReviewOptions.BetaApps"/>) go to
/// <see cref="ReviewOptions.InHouseTeam"/>, every other review to <see cref="ReviewOptions.RemoteTeam"/>. Other channels
/// go to the decorated policy.
/// </summary>
public sealed class ReviewAssignmentPolicy(IAssignmentPolicy inner, ReviewRules rules) : IAssignmentPolicy
{
    // Made once per reason (the reviews of one version share it).
    private readonly RecurringValues<(bool IsBeta, string Why), PolicyDecision<Assignment>> decisions = new(beta => beta.IsBeta
        ? new(new Assignment(rules.Options.InHouseTeam, null), $"beta review ({beta.Why}): the in-house team answers it")
        : new(new Assignment(rules.Options.RemoteTeam, null), $"release review ({beta.Why}): the remote support team answers it"));

    public PolicyDecision<Assignment> Assign(TicketContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Record.Channel != Channel.AppReview)
        {
            return inner.Assign(context);
        }

        return decisions[rules.Beta(ReviewFacts.From(context.Record))];
    }
}
