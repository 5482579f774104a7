using System.Collections.Concurrent;
using SyncHub.Pipeline;

namespace SyncHub.Testing.Leases;

/// <summary>
/// Watches the polls of several hub instances on one source: which instance polled which cursor, what came back, and
/// how many polls ran at once. Wrap each instance's poll target with <see cref="Watch"/>.
/// </summary>
public sealed class PollWatch
{
    private int inFlight;
    private int maxInFlight;

    /// <summary>Every finished poll, in the order they started.</summary>
    public ConcurrentQueue<Poll> Polls { get; } = new();

    /// <summary>The most polls that ran at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    public IPollTarget Watch(IPollTarget target, string instance) => new WatchedPollTarget(target, instance, this);

    public int CountBy(string instance) => Polls.Count(p => p.Instance == instance);

    internal void Enter()
    {
        var now = Interlocked.Increment(ref inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref maxInFlight)) && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen)
        {
        }
    }

    internal void Exit(Poll poll)
    {
        Polls.Enqueue(poll);
        Interlocked.Decrement(ref inFlight);
    }

    /// <summary>One poll: the instance, the cursor it started from, how many records it stored, and whether it completed.</summary>
    public sealed record Poll(string Instance, string? Cursor, int Count, bool Completed);
}
