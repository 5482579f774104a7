using SyncHub.Domain;

namespace SyncHub.Storage;

/// <summary>
/// The agents' views of open work (status neither Solved nor Closed): <c>mine</c>, <c>unassigned</c>,
/// <c>customer-replied</c>, <c>at-risk</c>, <c>breached</c> and <c>department:&lt;Department&gt;</c>.
/// </summary>
public static class TicketViews
{
    public const string Mine = "mine";
    public const string Unassigned = "unassigned";
    public const string CustomerReplied = "customer-replied";
    public const string AtRisk = "at-risk";
    public const string Breached = "breached";
    public const string DepartmentPrefix = "department:";

    /// <summary>Every view id, in the order the side bar shows them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Mine, Unassigned, CustomerReplied, AtRisk, Breached, .. Enum.GetValues<Department>().Select(d => DepartmentPrefix + d)];

    /// <summary>
    /// <paramref name="query"/> narrowed to the view <paramref name="view"/>, for a caller known by
    /// <paramref name="mine"/> (the agent's id and name; empty for a caller who is no agent). False when the view is unknown.
    /// </summary>
    public static bool TryApply(string view, TicketQuery query, IReadOnlyList<string> mine, DateTimeOffset now, out TicketQuery narrowed)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(mine);
        narrowed = query;
        var open = query with { OpenOnly = true };
        switch (view)
        {
            case Mine:
                // With an assignee filter too, only the caller's names that it names remain.
                narrowed = open with
                {
                    Assignees = query.Assignees is null ? mine : [.. mine.Where(m => query.Assignees.Contains(m, StringComparer.OrdinalIgnoreCase))],
                };
                return true;
            case Unassigned:
                narrowed = open with { Unassigned = true };
                return true;
            case CustomerReplied:
                narrowed = open with { CustomerReplied = true };
                return true;
            case AtRisk:
                narrowed = open with { AtRiskAt = now };
                return true;
            case Breached:
                narrowed = open with { Breached = true };
                return true;
        }

        if (view.StartsWith(DepartmentPrefix, StringComparison.Ordinal)
            && Enum.TryParse<Department>(view[DepartmentPrefix.Length..], ignoreCase: true, out var department)
            && Enum.IsDefined(department)
            && (query.Department is null || query.Department == department))
        {
            narrowed = open with { Department = department };
            return true;
        }

        return false;
    }

    /// <summary>The display name of a view id.</summary>
    public static string NameOf(string view) => view switch
    {
        Mine => "Mine",
        Unassigned => "Unassigned",
        CustomerReplied => "Customer replied",
        AtRisk => "At risk",
        Breached => "Breached",
        _ => view.StartsWith(DepartmentPrefix, StringComparison.Ordinal) ? view[DepartmentPrefix.Length..] : view,
    };

    /// <summary>True when <paramref name="ticket"/> is open and assigned to one of <paramref name="names"/>.</summary>
    public static bool AssignedToAny(Ticket ticket, IReadOnlyList<string> names) =>
        ticket?.Assignee is { Length: > 0 } assignee && names.Any(n => string.Equals(n, assignee, StringComparison.OrdinalIgnoreCase));
}
