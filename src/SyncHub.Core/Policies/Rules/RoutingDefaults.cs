namespace SyncHub.Policies.Rules;

/// <summary>The routing rules of the support process (seed/support-processes.txt); Sla/README.md documents them.</summary>
internal static class RoutingDefaults
{
    public static IReadOnlyDictionary<string, string> ChannelPriorities { get; } = new Dictionary<string, string>
    {
        ["Email"] = "Medium",
    };

    public static IReadOnlyDictionary<string, RoutingRuleOptions> PriorityRules { get; } = new Dictionary<string, RoutingRuleOptions>
    {
        ["outage"] = new()
        {
            Order = "10",
            When = new() { Keywords = ["system down", "cannot access", "can't access", "outage", "production down"] },
            Priority = "High",
            Reason = "the request reports an outage or lost access",
        },
        ["hotline-paid"] = new()
        {
            Order = "20",
            When = new()
            {
                Channel = ["Phone"],
                AccountStatus = ["Active", "Customer"],
                Plan = ["Pro", "Enterprise", "Bronze", "Silver", "Gold", "Standard", "Support Plus", "Mission Critical"],
            },
            Priority = "High",
            Reason = "a hotline call from a paid account",
        },
    };

    public static IReadOnlyDictionary<string, RoutingRuleOptions> DepartmentRules { get; } = new Dictionary<string, RoutingRuleOptions>
    {
        ["paid-support"] = new()
        {
            Order = "10",
            When = new() { Sla = "true" },
            Department = "PaidSupport",
            Reason = "the account has a contractual SLA",
        },
        ["trials"] = new()
        {
            Order = "20",
            When = new() { AccountStatus = ["Trial", "Potential", "Potential VIP"] },
            Department = "Trials",
            Reason = "an active trial or a potential customer",
        },
    };
}
