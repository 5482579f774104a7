using SyncHub.Domain;

namespace SyncHub.Storage;

/// <summary>
/// Which SLA instants of a ticket are live, i.e. still have to be watched: the clock runs (not paused, the
/// ticket is not solved or closed), the target is not met yet and not already marked breached (or warned).
/// Both stores index exactly these, so the monitor finds every deadline once.
/// </summary>
public static class SlaDeadlines
{
    public static IReadOnlyList<(SlaDeadlineKind Kind, DateTimeOffset At)> Live(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.Sla is not { Paused: false } sla || ticket.Status is TicketStatus.Solved or TicketStatus.Closed)
        {
            return [];
        }

        var live = new List<(SlaDeadlineKind, DateTimeOffset)>(4);
        if (sla is { FirstRespondedAt: null, FirstResponseBreached: false, FirstResponseDueAt: { } firstResponse })
        {
            live.Add((SlaDeadlineKind.FirstResponse, firstResponse));
            if (sla is { FirstResponseWarned: false, FirstResponseAtRiskAt: { } warn })
            {
                live.Add((SlaDeadlineKind.FirstResponseAtRisk, warn));
            }
        }

        if (sla is { ResolvedAt: null, ResolutionBreached: false, ResolutionDueAt: { } resolution })
        {
            live.Add((SlaDeadlineKind.Resolution, resolution));
            if (sla is { ResolutionWarned: false, ResolutionAtRiskAt: { } warn })
            {
                live.Add((SlaDeadlineKind.ResolutionAtRisk, warn));
            }
        }

        return live;
    }

    /// <summary>True when a first-response or resolution target of the ticket was breached.</summary>
    public static bool IsBreached(Ticket ticket) =>
        ticket?.Sla is { FirstResponseBreached: true } or { ResolutionBreached: true };
}
