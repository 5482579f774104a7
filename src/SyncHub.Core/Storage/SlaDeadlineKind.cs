namespace SyncHub.Storage;

/// <summary>The instants the SLA monitor watches: the due times, and the at-risk instants before them.</summary>
public enum SlaDeadlineKind
{
    FirstResponse,
    Resolution,
    FirstResponseAtRisk,
    ResolutionAtRisk,
}
