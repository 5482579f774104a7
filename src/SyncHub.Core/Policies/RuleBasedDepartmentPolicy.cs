using Microsoft.Extensions.Options;
using SyncHub.Domain;
using SyncHub.Policies.Rules;

namespace SyncHub.Policies;

/// <summary>
/// Department by the <c>SyncHub:Routing:DepartmentRules</c> over the CRM snapshot, the SLA stamp and the
/// record (first match wins: Paid Support with a contractual SLA, Trials for trials and potential
/// customers), otherwise the configured default (Community).
/// </summary>
public sealed class RuleBasedDepartmentPolicy(IOptions<RoutingOptions> options) : IDepartmentPolicy
{
    private readonly IReadOnlyList<RoutingRule> rules = RoutingRules.Create(options.Value).DepartmentRules;
    private readonly Department fallback = options.Value.DefaultDepartment;

    public PolicyDecision<Department> Route(TicketContext context, SlaStamp? sla)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RoutingRules.FirstMatch(rules, context, sla) is (var rule, var reason))
        {
            return new(rule.Department!.Value, reason);
        }

        return new(fallback, context.Account is { } account
            ? $"no department rule matched account {account.Name} (plan {account.Plan ?? "none"}, status {account.Status ?? "none"})"
            : "unknown requester: no department rule matched");
    }
}
