namespace SyncHub.Pipeline;

/// <summary>The ticket a record ended in (none when it was dead-lettered).</summary>
public sealed record IntakeResult(IntakeOutcome Outcome, string? TicketId, long Number, string? Reason = null);
