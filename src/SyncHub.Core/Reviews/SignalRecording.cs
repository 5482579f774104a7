namespace SyncHub.Reviews;

/// <summary>
/// A review to count under <paramref name="Signature"/> (<see cref="IReviewSignalStore.RecordAsync"/>) as part of its
/// ticket's creation: a store that can (Redis) records it with the number it assigns, in the same atomic step, and
/// answers the count in <see cref="Storage.CreateResult.Signal"/>; one that cannot leaves that null and the review is
/// counted after the creation.
/// </summary>
public sealed record SignalRecording(string Signature, string? Version, DateTimeOffset At, TimeSpan Window, int Threshold);
