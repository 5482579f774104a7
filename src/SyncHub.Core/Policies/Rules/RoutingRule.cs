using SyncHub.Domain;

namespace SyncHub.Policies.Rules;

/// <summary>A validated routing rule: when <see cref="When"/> matches, <see cref="Priority"/> or <see cref="Department"/> applies.</summary>
public sealed record RoutingRule(string Id, int Order, RuleCondition When, Priority? Priority, Department? Department, string Reason)
{
    /// <summary>The reason for the history when the rule matched, with the facts that matched.</summary>
    public string Explain(string facts) => $"{Reason} (rule {Id}: {facts})";
}
