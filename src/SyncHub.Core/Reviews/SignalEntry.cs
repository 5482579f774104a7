namespace SyncHub.Reviews;

/// <summary>One review counted under a signature: its ticket, its app version and when it was written.</summary>
public sealed record SignalEntry(long TicketNumber, string? Version, DateTimeOffset At);
