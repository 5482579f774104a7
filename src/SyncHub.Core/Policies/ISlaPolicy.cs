using SyncHub.Domain;

namespace SyncHub.Policies;

/// <summary>Stamps a new ticket with its SLA; null means best effort (no due times).</summary>
public interface ISlaPolicy
{
    PolicyDecision<SlaStamp?> Stamp(TicketContext context, Priority priority);
}
