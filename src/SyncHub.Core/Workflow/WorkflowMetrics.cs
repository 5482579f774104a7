using System.Diagnostics.Metrics;
using SyncHub.Diagnostics;

namespace SyncHub.Workflow;

/// <summary>Workflow instruments on the <c>SyncHub</c> meter: escalations by team, follow-ups by outcome.</summary>
public sealed class WorkflowMetrics
{
    private readonly Counter<long> escalations;
    private readonly Counter<long> followUps;

    public WorkflowMetrics(SyncHubMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        escalations = metrics.Meter.CreateCounter<long>("synchub.escalations", "{ticket}", "Escalations by team.");
        followUps = metrics.Meter.CreateCounter<long>("synchub.followups", "{ticket}", "Closed-ticket follow-ups by outcome.");
    }

    public void Escalated(string team) => escalations.Add(1, new KeyValuePair<string, object?>("team", team));

    /// <summary>Adds zero for every configured team, so each series is exported before its first escalation.</summary>
    public void Prime(IEnumerable<string> teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        foreach (var team in teams)
        {
            escalations.Add(0, new KeyValuePair<string, object?>("team", team));
        }
    }

    public void FollowUp(FollowUp followUp)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        followUps.Add(
            1,
            new KeyValuePair<string, object?>("documentation", followUp.Documentation.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>("bug", followUp.Bug.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>("feature", followUp.Feature.ToString().ToLowerInvariant()));
    }
}
