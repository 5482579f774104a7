using SyncHub.Reviews;

namespace SyncHub.InMemory;

/// <summary>
/// The signal counter in process memory: one hub instance, the zero-setup run and tests. One lock makes each call atomic.
/// Every <see cref="SweepEvery"/> calls, signatures with nothing left in their window and no frequent flag are forgotten.
/// </summary>
public sealed class InMemoryReviewSignalStore : IReviewSignalStore
{
    public const int SweepEvery = 1000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Signal> signals = new(StringComparer.Ordinal);
    private int calls;

    public Task<SignalCount> RecordAsync(
        string signature,
        long ticketNumber,
        string? version,
        DateTimeOffset at,
        TimeSpan window,
        int threshold,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(signature);
        lock (gate)
        {
            if (++calls % SweepEvery == 0)
            {
                Sweep(at, window);
            }

            if (!signals.TryGetValue(signature, out var signal))
            {
                signal = new Signal();
                signals[signature] = signal;
            }

            signal.Entries.RemoveAll(e => e.At <= at - window);
            if (signal.FrequentUntil is { } until && until <= at)
            {
                signal.FrequentUntil = null;
                signal.Crosser = null;
            }

            var added = signal.Entries.All(e => e.TicketNumber != ticketNumber);
            if (added)
            {
                signal.Entries.Add(new SignalEntry(ticketNumber, version, at));
                signal.Entries.Sort((a, b) => a.At.CompareTo(b.At));
            }

            if (signal.Crosser is null && signal.Entries.Count >= threshold)
            {
                signal.Crosser = ticketNumber;
                signal.FrequentUntil = at + window;
            }
            else if (signal.Crosser is not null && added && at + window > signal.FrequentUntil)
            {
                signal.FrequentUntil = at + window;
            }

            var crossed = signal.Crosser == ticketNumber;
            return Task.FromResult(new SignalCount(
                signal.Entries.Count,
                crossed,
                crossed ? [.. signal.Entries.Take(IReviewSignalStore.MaxEntries)] : []));
        }
    }

    /// <summary>The number of signatures remembered (for tests).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return signals.Count;
            }
        }
    }

    private void Sweep(DateTimeOffset at, TimeSpan window)
    {
        foreach (var (signature, signal) in signals)
        {
            if (signal.Entries.All(e => e.At <= at - window) && (signal.FrequentUntil is null || signal.FrequentUntil <= at))
            {
                signals.Remove(signature);
            }
        }
    }

    private sealed class Signal
    {
        public List<SignalEntry> Entries { get; } = [];

        /// <summary>The ticket whose review made the signature frequent, while it is known frequent.</summary>
        public long? Crosser { get; set; }

        public DateTimeOffset? FrequentUntil { get; set; }
    }
}
