namespace SyncHub.Storage;

/// <summary>
/// The cursor of each polling source, committed only after every record of a page is stored. A poller commits with
/// the fencing token of its lease (<see cref="Leases.Lease.Token"/>): the store keeps, per source, the highest token
/// committed with and refuses a commit with a lower one, so an instance that lost its lease while paused or cut off
/// cannot move the cursor back over a later holder's commits.
/// </summary>
public interface ICheckpointStore
{
    Task<string?> GetAsync(string source, CancellationToken cancellationToken = default);

    /// <summary>Commits <paramref name="cursor"/> without a fencing check (tools and tests; pollers use the fenced overload).</summary>
    Task SetAsync(string source, string cursor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits <paramref name="cursor"/> if <paramref name="fencingToken"/> is at least the highest token committed for
    /// <paramref name="source"/> so far, and records it as the highest; otherwise writes nothing and answers false.
    /// Check and write are one atomic step.
    /// </summary>
    Task<bool> SetAsync(string source, string cursor, long fencingToken, CancellationToken cancellationToken = default);

    /// <summary>Forgets the source's cursor (the next poll starts from the beginning). The highest token is kept.</summary>
    Task ResetAsync(string source, CancellationToken cancellationToken = default);
}
