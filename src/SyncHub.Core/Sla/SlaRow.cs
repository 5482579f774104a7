using SyncHub.Domain;
using SyncHub.Policies.Rules;

namespace SyncHub.Sla;

/// <summary>One validated row of the SLA table.</summary>
public sealed class SlaRow
{
    private readonly IReadOnlySet<string> statusSet;

    public SlaRow(string id, string plan, Priority? priority, IReadOnlyList<string> statuses, SlaTarget firstResponse, SlaTarget resolution, IWorkingClock? clock)
    {
        Id = id;
        Plan = plan;
        Priority = priority;
        Statuses = statuses;
        FirstResponse = firstResponse;
        Resolution = resolution;
        Clock = clock;
        statusSet = CrmText.ToSet(statuses);
    }

    /// <summary>The policy id written on the stamp.</summary>
    public string Id { get; }

    public string Plan { get; }

    /// <summary>Null: every priority the plan has no row of its own for.</summary>
    public Priority? Priority { get; }

    /// <summary>The CRM statuses the row serves (the active-customer statuses unless the row names its own).</summary>
    public IReadOnlyList<string> Statuses { get; }

    public SlaTarget FirstResponse { get; }

    public SlaTarget Resolution { get; }

    /// <summary>The clock the targets run on; null only for a best-effort row.</summary>
    public IWorkingClock? Clock { get; }

    public bool IsBestEffort => FirstResponse.IsBestEffort;

    public bool Serves(string? status) => statusSet.Contains(CrmText.Normalize(status));

    internal bool SharesStatusWith(SlaRow other) => statusSet.Overlaps(other.statusSet);
}
