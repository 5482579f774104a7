using SyncHub.Domain;

namespace SyncHub.Policies;

/// <summary>The SLA policy when no SLA table is configured: every ticket is best effort.</summary>
public sealed class BestEffortSlaPolicy : ISlaPolicy
{
    public PolicyDecision<SlaStamp?> Stamp(TicketContext context, Priority priority) =>
        new(null, "best effort: no SLA table configured");
}
