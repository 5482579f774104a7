using SyncHub.Domain;

namespace SyncHub.Testing.Storage;

/// <summary>
/// SLA stamps and the changes agents and the SLA monitor make to them, for the store tests that check which
/// deadlines are live (<see cref="SyncHub.Storage.SlaDeadlines"/>) and which tickets are breached.
/// </summary>
public static class SlaSamples
{
    /// <summary>A running 24x7 stamp from <paramref name="from"/>: first response at risk +20 min, due +30 min; resolution at risk +6 h, due +8 h.</summary>
    public static SlaStamp Running(DateTimeOffset from) => new()
    {
        Policy = "gold-high",
        Reason = "Gold plan, High priority",
        Clock = "24x7",
        FirstResponseTarget = TimeSpan.FromMinutes(30),
        ResolutionTarget = TimeSpan.FromHours(8),
        FirstResponseAtRiskAt = from.AddMinutes(20),
        FirstResponseDueAt = from.AddMinutes(30),
        ResolutionAtRiskAt = from.AddHours(6),
        ResolutionDueAt = from.AddHours(8),
    };

    /// <summary>
    /// <paramref name="ticket"/> after <paramref name="change"/> made at <paramref name="at"/>: assigned,
    /// first-responded, first-response-warned, first-response-breached, resolution-warned, resolution-breached,
    /// breach-cleared, paused, resumed (shifts every instant by the time the ticket was paused), solved, reopened, closed.
    /// </summary>
    public static Ticket Apply(Ticket ticket, string change, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var sla = ticket.Sla ?? throw new ArgumentException("The ticket has no SLA stamp.", nameof(ticket));
        return change switch
        {
            "assigned" => ticket with { Assignee = "maria" },
            "first-responded" => ticket with { Sla = sla with { FirstRespondedAt = at } },
            "first-response-warned" => ticket with { Sla = sla with { FirstResponseWarned = true } },
            "first-response-breached" => ticket with { Sla = sla with { FirstResponseBreached = true } },
            "resolution-warned" => ticket with { Sla = sla with { ResolutionWarned = true } },
            "resolution-breached" => ticket with { Sla = sla with { ResolutionBreached = true } },
            "breach-cleared" => ticket with { Sla = sla with { FirstResponseBreached = false, ResolutionBreached = false } },
            "paused" => ticket with { Status = TicketStatus.Pending, Sla = sla with { Paused = true, PausedAt = at } },
            "resumed" => ticket with { Status = TicketStatus.Open, Sla = Shifted(sla, at - (sla.PausedAt ?? at)) },
            "solved" => ticket with { Status = TicketStatus.Solved, Sla = sla with { FirstRespondedAt = sla.FirstRespondedAt ?? at, ResolvedAt = at } },
            "reopened" => ticket with { Status = TicketStatus.Open, Sla = sla with { ResolvedAt = null } },
            "closed" => ticket with { Status = TicketStatus.Closed },
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "not a change SlaSamples knows"),
        };
    }

    private static SlaStamp Shifted(SlaStamp sla, TimeSpan pause) => sla with
    {
        Paused = false,
        PausedAt = null,
        FirstResponseAtRiskAt = sla.FirstResponseAtRiskAt + pause,
        FirstResponseDueAt = sla.FirstResponseDueAt + pause,
        ResolutionAtRiskAt = sla.ResolutionAtRiskAt + pause,
        ResolutionDueAt = sla.ResolutionDueAt + pause,
    };
}
