using SyncHub.Domain;

namespace SyncHub.Policies;

/// <summary>Paid Support for tickets with a contractual SLA, Community for everyone else.</summary>
public sealed class DefaultDepartmentPolicy : IDepartmentPolicy
{
    public PolicyDecision<Department> Route(TicketContext context, SlaStamp? sla) =>
        sla is { FirstResponseDueAt: not null } or { ResolutionDueAt: not null }
            ? new(Department.PaidSupport, "the account has a contractual SLA")
            : new(Department.Community, context.Account is null ? "unknown requester" : "no contractual SLA");
}
