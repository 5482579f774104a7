using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SyncHub.Leases;
using SyncHub.Redis.Scripts;

namespace SyncHub.Redis.Leases;

/// <summary>
/// Leases shared by every hub on one Redis: <c>{prefix}lease:{name}</c> holds <c>{token}:{owner}</c> with a PX expiry
/// (Redis's clock, so an instance that dies loses it after the TTL), and <c>{prefix}lease-token:{name}</c> the last
/// fencing token given (INCR, never expires). Acquire, renew and release are each one Lua script; renew and release
/// act only while the key still holds that owner and token.
/// </summary>
public sealed class RedisLeaseStore(IConnectionMultiplexer redis, IOptions<RedisStoreOptions> options, ILogger<RedisLeaseStore> logger) : ILeaseStore
{
    private readonly IDatabase database = redis.GetDatabase();
    private readonly string prefix = options.Value.KeyPrefix;

    public async Task<Lease?> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        var result = await RedisScripts.LeaseAcquire.RunAsync(database, LeaseAcquireScriptArgs.Build(prefix, name, owner, Milliseconds(ttl)), logger, "lease acquire");
        if (result.IsNull)
        {
            return null;
        }

        var token = long.Parse(result.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        Log.LeaseAcquired(logger, name, token, owner);
        return new Lease(name, owner, token);
    }

    public async Task<bool> RenewAsync(Lease lease, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        var result = await RedisScripts.LeaseRenew.RunAsync(database, LeaseRenewScriptArgs.Build(prefix, lease.Name, Value(lease), Milliseconds(ttl)), logger, "lease renew");
        if ((long)result == 1)
        {
            return true;
        }

        Log.LeaseNotRenewed(logger, lease.Name, lease.Token);
        return false;
    }

    public async Task ReleaseAsync(Lease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        cancellationToken.ThrowIfCancellationRequested();
        await RedisScripts.LeaseRelease.RunAsync(database, LeaseReleaseScriptArgs.Build(prefix, lease.Name, Value(lease)), logger, "lease release");
    }

    /// <summary>What <c>{prefix}lease:{name}</c> holds while <paramref name="lease"/> is held.</summary>
    internal static string Value(Lease lease) => string.Create(CultureInfo.InvariantCulture, $"{lease.Token}:{lease.Owner}");

    private static long Milliseconds(TimeSpan ttl) => Math.Max(1, (long)Math.Ceiling(ttl.TotalMilliseconds));
}
