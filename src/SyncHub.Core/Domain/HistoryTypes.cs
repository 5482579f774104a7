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
}
