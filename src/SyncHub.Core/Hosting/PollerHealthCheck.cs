using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncHub.Pipeline;

namespace SyncHub.Hosting;

/// <summary>
/// Reports each poller's last good poll and last error from cached state (never calling the tool).
/// A poller that keeps failing makes the hub Degraded, not unready: intake from other channels goes on.
/// </summary>
public sealed class PollerHealthCheck(PollerState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        var failing = new List<string>();
        foreach (var (source, status) in state.Snapshot)
        {
            data[source] = new Dictionary<string, object?>
            {
                ["lastSuccessAt"] = status.LastSuccessAt,
                ["lastError"] = status.LastError,
                ["consecutiveFailures"] = status.ConsecutiveFailures,
            };
            if (status.ConsecutiveFailures > 0)
            {
                failing.Add(source);
            }
        }

        return Task.FromResult(failing.Count == 0
            ? HealthCheckResult.Healthy($"{data.Count} pollers", data)
            : HealthCheckResult.Degraded($"failing: {string.Join(", ", failing)}", data: data));
    }
}
