using System.Globalization;
using SyncHub.Domain;

namespace SyncHub.Storage;

/// <summary>
/// The sort keys both stores order lists by. A list in sort <c>s</c> is ordered by <see cref="Score"/> ascending, ties
/// by the ticket number as a string (ordinal), which is also how Redis orders equal scores; a cursor is
/// <c>{score}_{number}</c> of the last ticket of the page (for <see cref="TicketSort.Created"/> just the number).
/// Scores are whole milliseconds, exact in a double.
/// </summary>
public static class TicketOrder
{
    /// <summary>The due score of a ticket without a live SLA due time: after every real instant (year 2286+).</summary>
    public const long NoDue = 10_000_000_000_000;

    /// <summary>The width of one priority band in <see cref="TicketSort.Priority"/> scores.</summary>
    public const long PriorityBand = 30_000_000_000_000;

    /// <summary>The nearest live due time (first response or resolution) of <paramref name="ticket"/>, or null.</summary>
    public static DateTimeOffset? NearestDue(Ticket ticket)
    {
        DateTimeOffset? nearest = null;
        foreach (var (kind, at) in SlaDeadlines.Live(ticket))
        {
            if (kind is SlaDeadlineKind.FirstResponse or SlaDeadlineKind.Resolution && (nearest is null || at < nearest))
            {
                nearest = at;
            }
        }

        return nearest;
    }

    /// <summary>
    /// From when an open, not breached ticket is at risk: the earliest at-risk instant (the SLA policy's share of the
    /// target, when the monitor warns) of its live targets, or the due time of a live target without one. Null for a
    /// ticket that is not open work, is breached, or has no live target.
    /// </summary>
    public static DateTimeOffset? AtRiskFrom(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (!IsOpen(ticket) || SlaDeadlines.IsBreached(ticket) || ticket.Sla is not { } sla)
        {
            return null;
        }

        DateTimeOffset? from = null;
        foreach (var (kind, at) in SlaDeadlines.Live(ticket))
        {
            DateTimeOffset? candidate = kind switch
            {
                SlaDeadlineKind.FirstResponse => sla.FirstResponseAtRiskAt ?? at,
                SlaDeadlineKind.Resolution => sla.ResolutionAtRiskAt ?? at,
                _ => null,
            };
            if (candidate is { } c && (from is null || c < from))
            {
                from = c;
            }
        }

        return from;
    }

    /// <summary>Open work: neither Solved nor Closed.</summary>
    public static bool IsOpen(Ticket ticket) =>
        ticket?.Status is not (TicketStatus.Solved or TicketStatus.Closed);

    public static long DueScore(Ticket ticket) => NearestDue(ticket) is { } due ? Ms(due) : NoDue;

    public static long Score(Ticket ticket, TicketSort sort)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return sort switch
        {
            TicketSort.Created => -ticket.Number,
            TicketSort.SlaDue => DueScore(ticket),
            TicketSort.Updated => -Ms(ticket.UpdatedAt),
            TicketSort.Priority => (PriorityRank(ticket.Priority) * PriorityBand) + DueScore(ticket),
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
        };
    }

    /// <summary>Orders two tickets as a list in <paramref name="sort"/> does.</summary>
    public static int Compare(Ticket a, Ticket b, TicketSort sort)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var byScore = Score(a, sort).CompareTo(Score(b, sort));
        return byScore != 0 ? byScore : string.CompareOrdinal(Number(a.Number), Number(b.Number));
    }

    /// <summary>The cursor after <paramref name="ticket"/> in <paramref name="sort"/>.</summary>
    public static string CursorOf(Ticket ticket, TicketSort sort)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return sort == TicketSort.Created
            ? TicketCursor.From(ticket.Number)
            : $"{Score(ticket, sort).ToString(CultureInfo.InvariantCulture)}_{Number(ticket.Number)}";
    }

    /// <summary>Reads a cursor of <paramref name="sort"/>: the score and number after which the page starts; false when malformed.</summary>
    public static bool TryParseCursor(string? cursor, TicketSort sort, out long score, out long number)
    {
        score = 0;
        number = 0;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        if (sort == TicketSort.Created)
        {
            var ok = TicketCursor.TryParse(cursor, out number);
            score = -number;
            return ok;
        }

        var cut = cursor.IndexOf('_', StringComparison.Ordinal);
        return cut > 0
            && long.TryParse(cursor.AsSpan(0, cut), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out score)
            && long.TryParse(cursor.AsSpan(cut + 1), NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number > 0;
    }

    /// <summary>True when <paramref name="ticket"/> comes after the cursor position (<paramref name="score"/>, <paramref name="number"/>).</summary>
    public static bool After(Ticket ticket, TicketSort sort, long score, long number)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var own = Score(ticket, sort);
        return own > score || (own == score && string.CompareOrdinal(Number(ticket.Number), Number(number)) > 0);
    }

    public static int PriorityRank(Priority priority) => priority switch
    {
        Domain.Priority.High => 0,
        Domain.Priority.Medium => 1,
        _ => 2,
    };

    public static long Ms(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    private static string Number(long number) => number.ToString(CultureInfo.InvariantCulture);
}
