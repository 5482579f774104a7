namespace SyncHub.Workflow;

/// <summary>Why a workflow action was refused: 404, 400 (a field), 409 (the ticket's state forbids it).</summary>
public enum WorkflowError
{
    NotFound,
    Invalid,
    Conflict,
}
