namespace SyncHub.Pipeline;

/// <summary>The cursor to commit after a stored page, how many records it held, and whether more pages wait.</summary>
public sealed record PollResult(string? NextCursor, int Count, bool HasMore);
