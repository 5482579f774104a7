using SyncHub.Domain;

namespace SyncHub.Storage;

/// <summary>
/// A filtered, searched and sorted page of tickets (newest first unless <see cref="Sort"/> says otherwise).
/// <see cref="Cursor"/> is the <c>next</c> of the previous page of the same query.
/// </summary>
public sealed record TicketQuery
{
    public const int MaxLimit = 200;

    public Department? Department { get; init; }

    public TicketStatus? Status { get; init; }

    public Priority? Priority { get; init; }

    public Channel? Channel { get; init; }

    /// <summary>True: only tickets with a breached SLA target; false: only tickets without one.</summary>
    public bool? Breached { get; init; }

    /// <summary>Words that must all match (prefix match per word, see <see cref="SearchTokens"/>); null or blank: no search.</summary>
    public string? Search { get; init; }

    public TicketSort Sort { get; init; } = TicketSort.Created;

    /// <summary>Only tickets assigned to one of these names or ids (case-insensitive); an empty list matches nothing.</summary>
    public IReadOnlyList<string>? Assignees { get; init; }

    /// <summary>Only open work: tickets neither Solved nor Closed.</summary>
    public bool OpenOnly { get; init; }

    /// <summary>Only open tickets without assignee.</summary>
    public bool Unassigned { get; init; }

    /// <summary>Only open tickets the customer replied to (<see cref="Ticket.CustomerReplied"/>).</summary>
    public bool CustomerReplied { get; init; }

    /// <summary>Only open, not breached tickets at risk at this instant (<see cref="TicketOrder.AtRiskFrom"/> at or before it).</summary>
    public DateTimeOffset? AtRiskAt { get; init; }

    public string? Cursor { get; init; }

    public int Limit { get; init; } = 50;
}
