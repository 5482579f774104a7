namespace SyncHub.Pipeline;

/// <summary>What became of a submitted record.</summary>
public enum IntakeOutcome
{
    Created,
    Duplicate,
    Threaded,

    /// <summary>The record could not become a ticket; it is in the dead-letter list with the reason.</summary>
    DeadLettered,
}
