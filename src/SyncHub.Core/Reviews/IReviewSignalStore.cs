namespace SyncHub.Reviews;

/// <summary>
/// Counts app reviews by signature in a sliding window, shared by every hub instance (in memory for one instance and
/// tests; Redis when several instances share a store). Each call is atomic.
/// </summary>
public interface IReviewSignalStore
{
    /// <summary>The most entries a <see cref="SignalCount"/> lists.</summary>
    const int MaxEntries = 50;

    /// <summary>
    /// Whether the ticket store keeps this same counter, so that a review can be recorded in its ticket's creation
    /// (<see cref="Storage.TicketCreation.Signal"/>): true for the Redis counter, which the Redis store's creation script
    /// writes. Otherwise a creation carries no signal and every review is recorded here after it, so the counts never
    /// split between two places.
    /// </summary>
    bool CountedInCreation => false;

    /// <summary>
    /// Records the review of ticket <paramref name="ticketNumber"/> under <paramref name="signature"/> at
    /// <paramref name="at"/> (recording the same ticket again changes nothing), drops entries older than
    /// <paramref name="window"/> before <paramref name="at"/>, and counts what is left. When the count reaches
    /// <paramref name="threshold"/> and the signature is not already known frequent, this review becomes the one that
    /// crossed it. A signature stays known frequent while new reviews keep coming: until a whole window passes without one.
    /// </summary>
    Task<SignalCount> RecordAsync(
        string signature,
        long ticketNumber,
        string? version,
        DateTimeOffset at,
        TimeSpan window,
        int threshold,
        CancellationToken cancellationToken = default);
}
