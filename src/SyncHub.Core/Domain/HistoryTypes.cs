namespace SyncHub.Domain;

/// <summary>The <see cref="HistoryEntry.Type"/> values the core writes.</summary>
public static class HistoryTypes
{
    public const string Created = "created";
    public const string Threaded = "threaded";
    public const string Routed = "routed";
    public const string SlaStamped = "sla";
    public const string SlaBreached = "sla-breached";
    public const string SlaAtRisk = "sla-at-risk";
    public const string StatusChanged = "status";
    public const string Reply = "reply";
    public const string Escalated = "escalated";
    public const string Notification = "notification";
    public const string Note = "note";
    public const string FollowUp = "follow-up";

    /// <summary>An agent's internal note: shown in the ticket, never sent to the customer.</summary>
    public const string InternalNote = "internal-note";

    /// <summary>A reply's delivery reached its end: sent (with the tool's id) or failed for good (with the reason).</summary>
    public const string Delivery = "delivery";

    /// <summary>A customer's answer set a waiting (Pending or Solved) ticket back to Open.</summary>
    public const string Reopened = "reopened";

    /// <summary>The ticket follows up an earlier one the customer wrote to after it was closed.</summary>
    public const string Linked = "linked";
}
