using SyncHub.Leases;

namespace SyncHub.InMemory;

/// <summary>
/// Leases in process memory, expiring on the injected <see cref="TimeProvider"/>: for the zero-setup run (one instance)
/// and for tests of several pollers in one process.
/// </summary>
public sealed class InMemoryLeaseStore(TimeProvider time) : ILeaseStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Held> leases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> tokens = new(StringComparer.Ordinal);

    public Task<Lease?> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (leases.TryGetValue(name, out var held) && held.ExpiresAt > now)
            {
                if (held.Lease.Owner != owner)
                {
                    return Task.FromResult<Lease?>(null);
                }

                leases[name] = held with { ExpiresAt = now + ttl };
                return Task.FromResult<Lease?>(held.Lease);
            }

            var token = tokens.GetValueOrDefault(name) + 1;
            tokens[name] = token;
            var lease = new Lease(name, owner, token);
            leases[name] = new Held(lease, now + ttl);
            return Task.FromResult<Lease?>(lease);
        }
    }

    public Task<bool> RenewAsync(Lease lease, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (!leases.TryGetValue(lease.Name, out var held) || held.Lease != lease || held.ExpiresAt <= now)
            {
                return Task.FromResult(false);
            }

            leases[lease.Name] = held with { ExpiresAt = now + ttl };
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(Lease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (leases.TryGetValue(lease.Name, out var held) && held.Lease == lease)
            {
                leases.Remove(lease.Name);
            }
        }

        return Task.CompletedTask;
    }

    private sealed record Held(Lease Lease, DateTimeOffset ExpiresAt);
}
