using System.Collections.Concurrent;

namespace SyncHub.Outbox;

/// <summary>
/// The notifiers the outbox has paused because their tool refused their credentials (401, 403): their messages stay
/// queued, and delivery resumes by itself once a probe succeeds. Read by <c>/health/ready</c> and the metrics.
/// </summary>
public sealed class NotifierPauses
{
    private readonly ConcurrentDictionary<string, NotifierPause> paused = new(StringComparer.Ordinal);

    /// <summary>The paused notifiers by name.</summary>
    public IReadOnlyDictionary<string, NotifierPause> Snapshot => paused;

    public bool IsPaused(string notifier) => paused.ContainsKey(notifier);

    /// <summary>Pauses <paramref name="notifier"/>; true when it was running (the caller alerts once per pause).</summary>
    public bool Pause(string notifier, string reason, DateTimeOffset at) => paused.TryAdd(notifier, new NotifierPause(reason, at));

    /// <summary>Resumes <paramref name="notifier"/>; true when it was paused.</summary>
    public bool Resume(string notifier) => paused.TryRemove(notifier, out _);
}

/// <summary>Why and since when a notifier is paused.</summary>
public sealed record NotifierPause(string Reason, DateTimeOffset Since);
