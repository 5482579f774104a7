using SyncHub.Domain;

namespace SyncHub.Storage;

/// <summary>
/// A merge as <see cref="SyncHub.Workflow.TicketMerger"/> computes it: the new states of the duplicate (Closed, with
/// <see cref="Ticket.MergedInto"/>) and of the survivor, and the history line each gets. The store moves the
/// duplicate's history to the survivor (in time order), then appends the lines.
/// </summary>
public sealed record TicketMerge(Ticket Duplicate, Ticket Survivor, HistoryEntry DuplicateEntry, HistoryEntry SurvivorEntry)
{
    /// <summary>The key of the merge action (the route's <c>Idempotency-Key</c>): a merge with a key already done is not done again.</summary>
    public string? ActionKey { get; init; }
}
