using System.Diagnostics;
using System.Diagnostics.Metrics;
using SyncHub.Diagnostics;
using SyncHub.Domain;

namespace SyncHub.Sla;

/// <summary>SLA instruments on the <c>SyncHub</c> meter: breaches and at-risk warnings by department, priority and target.</summary>
public sealed class SlaMetrics
{
    /// <summary>The <c>target</c> tag of the first-response target.</summary>
    public const string FirstResponse = "first_response";

    /// <summary>The <c>target</c> tag of the resolution target.</summary>
    public const string Resolution = "resolution";

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

    /// <summary>Adds zero to every department, priority and target, so the series are exported before the first breach.</summary>
    public void Prime()
    {
        foreach (var department in Enum.GetValues<Department>())
        {
            foreach (var priority in Enum.GetValues<Priority>())
            {
                foreach (var target in (string[])[FirstResponse, Resolution])
                {
                    breaches.Add(0, Tags(department, priority, target));
                    atRisk.Add(0, Tags(department, priority, target));
                }
            }
        }
    }

    private static TagList Tags(Ticket ticket, string target) => Tags(ticket.Department, ticket.Priority, target);

    private static TagList Tags(Department department, Priority priority, string target) => new()
    {
        { "department", department.ToString() },
        { "priority", priority.ToString() },
        { "target", target },
    };
}
