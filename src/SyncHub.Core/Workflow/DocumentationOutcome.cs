namespace SyncHub.Workflow;

/// <summary>Can a related documentation be improved or created?</summary>
public enum DocumentationOutcome
{
    None,
    Improve,
    Create,
}
