using SyncHub.Domain;

namespace SyncHub.Workflow;

/// <summary>The outcome of a workflow action: the updated ticket, or why it was refused.</summary>
public sealed record WorkflowResult(Ticket? Ticket, WorkflowError? Error = null, string? Field = null, string? Detail = null)
{
    public static WorkflowResult Ok(Ticket ticket) => new(ticket);

    public static WorkflowResult NotFound() => new(null, WorkflowError.NotFound);

    public static WorkflowResult Invalid(string field, string detail) => new(null, WorkflowError.Invalid, field, detail);

    public static WorkflowResult Conflict(string detail) => new(null, WorkflowError.Conflict, null, detail);
}
