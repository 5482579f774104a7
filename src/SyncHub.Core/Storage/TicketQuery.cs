using SyncHub.Domain;

namespace SyncHub.Storage;

/// <summary>A filtered page of tickets, newest first. <see cref="Cursor"/> is the <c>next</c> of the previous page.</summary>
public sealed record TicketQuery
{
    public const int MaxLimit = 200;

    public Department? Department { get; init; }

    public TicketStatus? Status { get; init; }

    public Priority? Priority { get; init; }

    public Channel? Channel { get; init; }

    /// <summary>True: only tickets with a breached SLA target; false: only tickets without one.</summary>
    public bool? Breached { get; init; }

    public string? Cursor { get; init; }

    public int Limit { get; init; } = 50;
}
