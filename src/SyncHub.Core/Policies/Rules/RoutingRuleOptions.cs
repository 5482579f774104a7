namespace SyncHub.Policies.Rules;

/// <summary>
/// <c>SyncHub:Routing:PriorityRules:&lt;id&gt;</c> or <c>SyncHub:Routing:DepartmentRules:&lt;id&gt;</c>: when
/// <see cref="When"/> holds, the ticket gets <see cref="Priority"/> (priority rules) or
/// <see cref="Department"/> (department rules). Rules run by <see cref="Order"/>, lowest first; the first
/// match wins. For a default rule, every field not configured keeps its default; a configured
/// <see cref="When"/> replaces the default condition whole. Values are text, validated at start.
/// </summary>
public sealed class RoutingRuleOptions
{
    /// <summary>A whole number; rules run lowest first, ties by id.</summary>
    public string? Order { get; set; }

    /// <summary><c>false</c> switches the rule off (default <c>true</c>).</summary>
    public string? Enabled { get; set; }

    public RuleConditionOptions? When { get; set; }

    /// <summary>The priority a priority rule sets: <c>High</c>, <c>Medium</c> or <c>Low</c>.</summary>
    public string? Priority { get; set; }

    /// <summary>The department a department rule routes to: <c>PaidSupport</c>, <c>Community</c> or <c>Trials</c>.</summary>
    public string? Department { get; set; }

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
