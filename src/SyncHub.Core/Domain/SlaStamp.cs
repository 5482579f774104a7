namespace SyncHub.Domain;

/// <summary>The SLA a ticket was stamped with at creation. Due instants are UTC; null means best effort.</summary>
public sealed record SlaStamp
{
    /// <summary>The policy id (the matched row of the SLA table).</summary>
    public required string Policy { get; init; }

    /// <summary>Why this row matched, in words an agent can read.</summary>
    public string? Reason { get; init; }

    /// <summary>The clock the targets run on: <c>24x7</c> or a calendar name.</summary>
    public string? Clock { get; init; }

    public TimeSpan? FirstResponseTarget { get; init; }

    public TimeSpan? ResolutionTarget { get; init; }

    public DateTimeOffset? FirstResponseDueAt { get; init; }

    public DateTimeOffset? ResolutionDueAt { get; init; }

    public DateTimeOffset? FirstRespondedAt { get; init; }

    public bool FirstResponseBreached { get; init; }

    public bool ResolutionBreached { get; init; }

    /// <summary>True while the ticket is Pending: the clock stands still.</summary>
    public bool Paused { get; init; }

    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>When the first-response target becomes at risk (the configured share of its working time); null when none.</summary>
    public DateTimeOffset? FirstResponseAtRiskAt { get; init; }

    /// <summary>When the resolution target becomes at risk; null when there is none.</summary>
    public DateTimeOffset? ResolutionAtRiskAt { get; init; }

    /// <summary>When the ticket was solved, which meets (or breaches) the resolution target.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>The at-risk warning for the first response was sent (the SLA monitor warns once).</summary>
    public bool FirstResponseWarned { get; init; }

    /// <summary>The at-risk warning for the resolution was sent.</summary>
    public bool ResolutionWarned { get; init; }
}
