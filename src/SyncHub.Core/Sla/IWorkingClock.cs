namespace SyncHub.Sla;

/// <summary>
/// A clock that counts working time: the 24x7 clock counts every instant, a <see cref="BusinessCalendar"/> only
/// its working hours. All instants in and out are absolute; results are UTC.
/// </summary>
public interface IWorkingClock
{
    /// <summary>The name SLA rows use for this clock: <c>24x7</c> or a calendar name.</summary>
    string Name { get; }

    /// <summary>The working time of one business day on this clock (24 h on the 24x7 clock, 12 h on a 12x5 calendar).</summary>
    TimeSpan BusinessDay { get; }

    /// <summary>Human words for history entries, e.g. <c>support calendar (America/Sao_Paulo, Mon-Fri 08:00-20:00)</c>.</summary>
    string Description { get; }

    /// <summary>
    /// The earliest UTC instant by which <paramref name="duration"/> of working time has elapsed since
    /// <paramref name="start"/>. A start outside working hours counts from the next opening.
    /// </summary>
    DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan duration);

    /// <summary><paramref name="days"/> business days of working time: <c>days x <see cref="BusinessDay"/></c>.</summary>
    DateTimeOffset AddBusinessDays(DateTimeOffset start, int days);

    /// <summary>The working time between two instants; negative when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to);
}
