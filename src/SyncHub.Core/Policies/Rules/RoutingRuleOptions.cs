using SyncHub.Domain;

namespace SyncHub.Policies.Rules;

/// <summary>
/// <c>SyncHub:Routing:PriorityRules:&lt;id&gt;</c> or <c>SyncHub:Routing:DepartmentRules:&lt;id&gt;</c>: when
/// <see cref="When"/> holds, the ticket gets <see cref="Priority"/> (priority rules) or
/// <see cref="Department"/> (department rules). Rules run by <see cref="Order"/>, lowest first; the first
/// match wins. For a default rule, every field not configured keeps its default; a configured
/// <see cref="When"/> replaces the default condition whole.
/// </summary>
public sealed class RoutingRuleOptions
{
    /// <summary>Rules run lowest first; ties run by id.</summary>
    public int? Order { get; set; }

    /// <summary>False switches the rule off (default true).</summary>
    public bool? Enabled { get; set; }

    public RuleConditionOptions? When { get; set; }

    /// <summary>The priority a priority rule sets.</summary>
    public Priority? Priority { get; set; }

    /// <summary>The department a department rule routes to.</summary>
    public Department? Department { get; set; }

    /// <summary>Why, in words for the ticket's history.</summary>
    public string? Reason { get; set; }

    internal RoutingRuleOptions WithDefaults(RoutingRuleOptions defaults) => new()
    {
        Order = Order ?? defaults.Order,
        Enabled = Enabled ?? defaults.Enabled,
        When = When ?? defaults.When,
        Priority = Priority ?? defaults.Priority,
        Department = Department ?? defaults.Department,
        Reason = Reason ?? defaults.Reason,
    };
}
