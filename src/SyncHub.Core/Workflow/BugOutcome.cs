namespace SyncHub.Workflow;

/// <summary>Is the problem related to a known or a new bug?</summary>
public enum BugOutcome
{
    None,
    Known,
    New,
}
