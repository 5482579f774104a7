namespace SyncHub.Domain;

/// <summary>One line of a ticket's history: created, threaded reply, status change, reply, escalation...</summary>
public sealed record HistoryEntry(
    DateTimeOffset At,
    string Type,
    string Message,
    IReadOnlyDictionary<string, string>? Data = null);
