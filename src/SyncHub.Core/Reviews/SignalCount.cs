namespace SyncHub.Reviews;

/// <summary>
/// What <see cref="IReviewSignalStore.RecordAsync"/> found: how many reviews of the signature are within the window,
/// whether the recorded review is the one that made the signature frequent (true for exactly one review per burst, across
/// every hub instance; true again when that same review is recorded again, so a replay can repair a lost alert), and,
/// for that review only (its alert lists them), those reviews oldest first, at most
/// <see cref="IReviewSignalStore.MaxEntries"/>; empty for every other review, which no alert names.
/// </summary>
public sealed record SignalCount(int Count, bool Crossed, IReadOnlyList<SignalEntry> Entries);
