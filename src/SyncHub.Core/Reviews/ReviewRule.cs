using SyncHub.Domain;

namespace SyncHub.Reviews;

/// <summary>A validated review priority rule.</summary>
public sealed record ReviewRule(string Id, int Order, ReviewCondition When, Priority Priority, string Reason)
{
    public string Explain(string facts) => $"{Reason} (review rule {Id}: {facts})";
}
