using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncHub.Workflow;

namespace SyncHub.Outbox;

/// <summary>
/// Names the notifiers paused on refused credentials and the channels no enabled notifier can answer. Either makes the
/// hub Degraded, not unready: intake and the other notifiers go on.
/// </summary>
public sealed class OutboxHealthCheck(NotifierPauses pauses, ReplyChannels channels) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        var problems = new List<string>();
        foreach (var (notifier, pause) in pauses.Snapshot.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data[$"paused:{notifier}"] = new Dictionary<string, object?> { ["reason"] = pause.Reason, ["since"] = pause.Since };
            problems.Add($"notifier {notifier} paused: {pause.Reason}");
        }

        var unanswerable = channels.Unanswerable();
        if (unanswerable.Count > 0)
        {
            data["unanswerable"] = unanswerable.Select(c => $"{c.Channel} ({c.EventType}): set {c.Setting}").ToArray();
            problems.Add($"replies cannot go to {string.Join(", ", unanswerable.Select(c => c.Channel).Distinct())}");
        }

        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy("every notifier delivers; every declared channel can be answered", data)
            : HealthCheckResult.Degraded(string.Join("; ", problems), data: data));
    }
}
