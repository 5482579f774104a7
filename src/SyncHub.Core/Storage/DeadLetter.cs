namespace SyncHub.Storage;

/// <summary>A record that could not become a ticket, kept with the reason so nothing is silently dropped.</summary>
public sealed record DeadLetter(
    string Source,
    string? ExternalId,
    string Reason,
    string Payload,
    DateTimeOffset At);
