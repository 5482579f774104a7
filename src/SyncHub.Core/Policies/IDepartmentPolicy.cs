using SyncHub.Domain;

namespace SyncHub.Policies;

/// <summary>Routes a new ticket to its department.</summary>
public interface IDepartmentPolicy
{
    PolicyDecision<Department> Route(TicketContext context, SlaStamp? sla);
}
