namespace SyncHub.Storage;

/// <summary>What the store did with a record.</summary>
public enum CreateOutcome
{
    /// <summary>A new ticket was written.</summary>
    Created,

    /// <summary>The (source, external id) was already stored: nothing was written.</summary>
    Duplicate,

    /// <summary>The record's thread key belongs to an existing ticket: it was appended to that ticket's history.</summary>
    Threaded,
}
