namespace SyncHub.Storage;

/// <summary>The ticket a record ended in, and whether it was new.</summary>
public sealed record CreateResult(string TicketId, long Number, CreateOutcome Outcome);
