namespace SyncHub.Workflow;

/// <summary>The history types of the agents' workspace actions (beside <see cref="Domain.HistoryTypes"/>).</summary>
public static class WorkspaceHistoryTypes
{
    /// <summary>An agent assigned, reassigned or unassigned the ticket, or the round-robin chose an agent.</summary>
    public const string Assigned = "assigned";

    /// <summary>An agent changed the priority or the department, or refreshed the CRM account; the SLA was re-stamped.</summary>
    public const string Edited = "edited";

    /// <summary>An agent filled part of the investigation checklist.</summary>
    public const string Checklist = "checklist";
}
