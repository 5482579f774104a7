using SyncHub.Domain;

namespace SyncHub.Storage;

/// <summary>
/// How many tickets the store holds by status and by department; how many live SLA targets are at risk now (the
/// at-risk instant passed, the due time not yet) by <see cref="SlaDeadlineKind"/> (<c>FirstResponse</c> and
/// <c>Resolution</c>); how many tickets have a breached target (<see cref="SlaDeadlines.IsBreached"/>, any status).
/// </summary>
public sealed record TicketCounts(
    IReadOnlyDictionary<TicketStatus, long> ByStatus,
    IReadOnlyDictionary<Department, long> ByDepartment,
    long FirstResponseAtRisk,
    long ResolutionAtRisk,
    long Breached)
{
    /// <summary>No tickets: every status and department present with zero.</summary>
    public static TicketCounts Empty { get; } = new(
        Enum.GetValues<TicketStatus>().ToDictionary(s => s, _ => 0L),
        Enum.GetValues<Department>().ToDictionary(d => d, _ => 0L),
        0,
        0,
        0);
}
