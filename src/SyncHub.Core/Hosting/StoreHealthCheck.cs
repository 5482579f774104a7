using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncHub.Storage;

namespace SyncHub.Hosting;

/// <summary>Healthy when the ticket store answers a ping.</summary>
public sealed class StoreHealthCheck(ITicketStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            if (await store.PingAsync(cancellationToken))
            {
                return HealthCheckResult.Healthy("store answers");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"store unreachable: {ex.GetType().Name}");
        }

        return new HealthCheckResult(context.Registration.FailureStatus, "store unreachable");
    }
}
