namespace SyncHub.Reviews;

/// <summary>
/// What <see cref="IReviewSignalStore.RecordAsync"/> found: the reviews of the signature within the window (oldest first,
/// at most <see cref="IReviewSignalStore.MaxEntries"/>), how many there are, and whether the recorded review is the one
/// that made the signature frequent (true for exactly one review per burst, across every hub instance; true again when
/// that same review is recorded again, so a replay can repair a lost alert).
/// </summary>
public sealed record SignalCount(int Count, bool Crossed, IReadOnlyList<SignalEntry> Entries);
