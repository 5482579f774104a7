namespace SyncHub.Storage;

/// <summary>What a replay of the dead-letter list did, for the operator.</summary>
public sealed record DeadLetterReplayResult
{
    /// <summary>Letters in the list when the replay started.</summary>
    public long Listed { get; init; }

    /// <summary>Intake records submitted to the pipeline again.</summary>
    public int Replayed => Created + Duplicates + Threaded + FailedAgain;

    public int Created { get; init; }

    /// <summary>The ticket already existed (the sender retried, or an earlier replay stored it).</summary>
    public int Duplicates { get; init; }

    /// <summary>Added to an existing ticket's conversation.</summary>
    public int Threaded { get; init; }

    /// <summary>Dead-lettered again: the new letter, with today's reason, replaces the old one.</summary>
    public int FailedAgain { get; init; }

    /// <summary>Old letters taken out of the list.</summary>
    public int Removed { get; init; }

    /// <summary>Letters of another source than the one asked for.</summary>
    public int OtherSource { get; init; }

    /// <summary>Letters past <c>--limit</c>, left for the next replay.</summary>
    public int OverLimit { get; init; }

    /// <summary>Undelivered outbox events (source <c>outbox:…</c>) queued again for their notifier and taken out of the list.</summary>
    public int Requeued { get; init; }

    /// <summary>Outbox events whose ticket is gone, left in the list.</summary>
    public int OrphanEvents { get; init; }

    /// <summary>Letters whose payload is not an intake record, left in the list.</summary>
    public int Unreadable { get; init; }

    /// <summary>Why the replay stopped early (the store went away); null when it went through.</summary>
    public string? Error { get; init; }
}
