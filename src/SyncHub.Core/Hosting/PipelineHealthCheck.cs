using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncHub.Pipeline;

namespace SyncHub.Hosting;

/// <summary>Healthy while the intake workers run.</summary>
public sealed class PipelineHealthCheck(IIntakePipeline pipeline) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = new Dictionary<string, object> { ["depth"] = pipeline.Depth };
        return Task.FromResult(pipeline.IsRunning
            ? HealthCheckResult.Healthy("intake pipeline running", data)
            : new HealthCheckResult(context.Registration.FailureStatus, "intake pipeline not running", data: data));
    }
}
