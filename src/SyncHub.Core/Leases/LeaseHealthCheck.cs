using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncHub.Pipeline;

namespace SyncHub.Leases;

/// <summary>
/// Reports, per polling source, whether this instance holds its lease (<c>holding</c>, and with which fencing token)
/// or waits for it (<c>standby</c>), from the pollers' cached state. Standby is normal with several instances: the
/// check is always healthy; a lease store that cannot be reached shows in the <c>pollers</c> check.
/// </summary>
public sealed class LeaseHealthCheck(PollerState state, LeaseOwner owner) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["owner"] = owner.Id };
        var holding = new List<string>();
        foreach (var (source, status) in state.Snapshot.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            data[source] = new Dictionary<string, object?>
            {
                ["lease"] = status.HoldsLease ? "holding" : "standby",
                ["token"] = status.LeaseToken,
            };
            if (status.HoldsLease)
            {
                holding.Add(source);
            }
        }

        var standby = data.Count - 1 - holding.Count;
        return Task.FromResult(HealthCheckResult.Healthy(
            $"holding {holding.Count} of {data.Count - 1} poller leases{(standby > 0 ? $", standby for {standby}" : "")}",
            data));
    }
}
