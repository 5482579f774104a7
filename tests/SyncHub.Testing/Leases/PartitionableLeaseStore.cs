using SyncHub.Leases;
using SyncHub.Storage;

namespace SyncHub.Testing.Leases;

/// <summary>
/// One instance's view of a shared lease store that the test can cut off: while <see cref="Partitioned"/> every call
/// fails as when Redis cannot be reached, so the instance cannot renew, and its lease runs out for the others.
/// </summary>
public sealed class PartitionableLeaseStore(ILeaseStore inner) : ILeaseStore
{
    private volatile bool partitioned;

    public bool Partitioned
    {
        get => partitioned;
        set => partitioned = value;
    }

    public Task<Lease?> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        Partitioned ? throw Unreachable() : inner.TryAcquireAsync(name, owner, ttl, cancellationToken);

    public Task<bool> RenewAsync(Lease lease, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        Partitioned ? throw Unreachable() : inner.RenewAsync(lease, ttl, cancellationToken);

    public Task ReleaseAsync(Lease lease, CancellationToken cancellationToken = default) =>
        Partitioned ? throw Unreachable() : inner.ReleaseAsync(lease, cancellationToken);

    private static StoreUnavailableException Unreachable() => new("lease store cut off by the test");
}
