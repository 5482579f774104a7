namespace SyncHub.Storage;

/// <summary>A ticket's live SLA deadline: which one, and when.</summary>
public sealed record SlaDeadline(string TicketId, SlaDeadlineKind Kind, DateTimeOffset At);
