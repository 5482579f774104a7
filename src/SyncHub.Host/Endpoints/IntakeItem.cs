namespace SyncHub.Host.Endpoints;

/// <summary>One stored record in an intake answer.</summary>
internal sealed record IntakeItem(string? Id, long Number, bool Duplicate, bool Threaded, string? DeadLetterReason);
