namespace SyncHub.Leases;

/// <summary>
/// Named leases with expiry and fencing tokens, shared by every hub instance on one store: at most one owner holds a
/// name at a time, until it releases it or lets it expire. Implemented in memory (one process) and in Redis.
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes <paramref name="name"/> for <paramref name="ttl"/> when nobody holds it (or its holder let it expire), with a
    /// fencing token higher than every token given for that name before; null while another owner holds it. When
    /// <paramref name="owner"/> already holds it, extends it and answers the same lease (same token).
    /// </summary>
    Task<Lease?> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>
    /// Extends the lease to <paramref name="ttl"/> from now if it is still held by its owner with its token; false when it
    /// expired or another owner holds the name (the caller must stop the work the lease guards).
    /// </summary>
    Task<bool> RenewAsync(Lease lease, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Frees the name if the lease is still the one held (a stale lease never frees a newer holder's).</summary>
    Task ReleaseAsync(Lease lease, CancellationToken cancellationToken = default);
}
