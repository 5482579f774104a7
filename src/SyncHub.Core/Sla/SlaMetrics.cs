using System.Diagnostics;
using System.Diagnostics.Metrics;
using SyncHub.Diagnostics;
using SyncHub.Domain;

namespace SyncHub.Sla;

/// <summary>SLA instruments on the <c>SyncHub</c> meter: breaches and at-risk warnings by department, priority and target.</summary>
public sealed class SlaMetrics
{
    private readonly Counter<long> breaches;
    private readonly Counter<long> atRisk;

    public SlaMetrics(SyncHubMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        breaches = metrics.Meter.CreateCounter<long>("synchub.sla.breaches", "{ticket}", "SLA targets breached, by department, priority and target.");
        atRisk = metrics.Meter.CreateCounter<long>("synchub.sla.at_risk", "{ticket}", "SLA at-risk warnings, by department, priority and target.");
    }

    public void Breached(Ticket ticket, string target) => breaches.Add(1, Tags(ticket, target));

    public void AtRisk(Ticket ticket, string target) => atRisk.Add(1, Tags(ticket, target));

    private static TagList Tags(Ticket ticket, string target) => new()
    {
        { "department", ticket.Department.ToString() },
        { "priority", ticket.Priority.ToString() },
        { "target", target },
    };
}
