namespace SyncHub.Policies;

/// <summary>Leaves new tickets unassigned.</summary>
public sealed class NoAssignmentPolicy : IAssignmentPolicy
{
    public PolicyDecision<Assignment> Assign(TicketContext context) => new(Assignment.None, "unassigned");
}
