using SyncHub.Domain;

namespace SyncHub.Pipeline;

/// <summary>
/// The bounded intake channel. Both calls complete only once the record is stored (or dead-lettered);
/// they throw <see cref="StoreUnavailableException"/> when the store cannot be reached and
/// <see cref="PipelineStoppedException"/> when the hub is stopping.
/// </summary>
public interface IIntakePipeline
{
    /// <summary>Waits for room in the channel (back-pressure for pollers).</summary>
    Task<IntakeResult> SubmitAsync(IntakeRecord record, CancellationToken cancellationToken = default);

    /// <summary>Waits at most the configured enqueue timeout; null when the channel stayed full (answer 503).</summary>
    Task<IntakeResult?> TrySubmitAsync(IntakeRecord record, CancellationToken cancellationToken = default);

    /// <summary>True once the workers run and until the hub stops.</summary>
    bool IsRunning { get; }

    /// <summary>Records waiting in the channel.</summary>
    int Depth { get; }
}
