using Microsoft.Extensions.Options;
using SyncHub.Domain;
using SyncHub.Policies.Rules;

namespace SyncHub.Policies;

/// <summary>
/// Priority by the <c>SyncHub:Routing:PriorityRules</c> (first match wins: "system down" wording, hotline
/// calls from paid accounts...), then the sender's priority, the channel default and the configured default.
/// </summary>
public sealed class RuleBasedPriorityPolicy(IOptions<RoutingOptions> options) : IPriorityPolicy
{
    private readonly IReadOnlyList<RoutingRule> rules = RoutingRules.Create(options.Value).PriorityRules;
    private readonly DefaultPriorityPolicy fallback = new(options);

    public PolicyDecision<Priority> Decide(TicketContext context) =>
        RoutingRules.FirstMatch(rules, context, stamp: null) is (var rule, var reason)
            ? new(rule.Priority!.Value, reason)
            : fallback.Decide(context);
}
