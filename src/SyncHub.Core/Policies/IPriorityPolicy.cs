using SyncHub.Domain;

namespace SyncHub.Policies;

/// <summary>Chooses a new ticket's priority.</summary>
public interface IPriorityPolicy
{
    PolicyDecision<Priority> Decide(TicketContext context);
}
