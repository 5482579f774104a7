using SyncHub.Domain;

namespace SyncHub.Policies;

/// <summary>Chooses the team and assignee of a new ticket; null members leave it unassigned.</summary>
public interface IAssignmentPolicy
{
    PolicyDecision<Assignment> Assign(TicketContext context);
}
