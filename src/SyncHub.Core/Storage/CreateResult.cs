using SyncHub.Reviews;

namespace SyncHub.Storage;

/// <summary>The ticket a record ended in, and whether it was new.</summary>
/// <param name="TicketId">The ticket's id.</param>
/// <param name="Number">The ticket's number.</param>
/// <param name="Outcome">Created, duplicate or threaded.</param>
/// <param name="FollowsUp">
/// For a ticket created because its conversation's ticket was closed (or solved before the reopen window), that ticket's id.
/// </param>
public sealed record CreateResult(string TicketId, long Number, CreateOutcome Outcome, string? FollowsUp = null)
{
    /// <summary>The count of the review recorded in the creation (<see cref="TicketCreation.Signal"/>); null when none was.</summary>
    public SignalCount? Signal { get; init; }
}
