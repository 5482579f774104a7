namespace SyncHub.Pipeline;

/// <summary>
/// One unit of polled work the <see cref="PollerService"/> schedules: read the page after a cursor and store
/// it (tickets through the pipeline, accounts into the directory...). The poller commits the returned cursor
/// only after this call returns, and retries it with backoff when it throws.
/// </summary>
public interface IPollTarget
{
    string Name { get; }

    Task<PollResult> PollAsync(string? cursor, CancellationToken cancellationToken);
}
