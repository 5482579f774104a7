using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace SyncHub.Sla;

/// <summary>
/// Business hours in one time zone: working spans per weekday (several a day allowed) and holiday dates.
/// Arithmetic walks the calendar day by day in local wall-clock time and converts each span's ends to UTC
/// with the offset in force at that instant, so it is exact across DST changes; all of it is integer ticks.
/// </summary>
public sealed class BusinessCalendar : IWorkingClock
{
    /// <summary>How far ahead the arithmetic looks for working time before it gives up (about ten years).</summary>
    private const int MaxScanDays = 3700;

    private static readonly DayOfWeek[] MondayFirst =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
        DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    private readonly IReadOnlyList<WorkingSpan>[] week = new IReadOnlyList<WorkingSpan>[7];

    /// <param name="name">The calendar's name, as SLA rows refer to it.</param>
    /// <param name="timeZone">The zone the hours are in.</param>
    /// <param name="hours">Working spans per weekday, in order and not overlapping; a missing day is closed.</param>
    /// <param name="holidays">Local dates with no working time.</param>
    /// <param name="businessDay">
    /// The working time of one business day; by default the longest day's working time of the week (12 h on a 12x5 calendar).
    /// </param>
    public BusinessCalendar(
        string name,
        TimeZoneInfo timeZone,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingSpan>> hours,
        IEnumerable<DateOnly>? holidays = null,
        TimeSpan? businessDay = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(hours);
        Name = name;
        TimeZone = timeZone;
        foreach (var day in MondayFirst)
        {
            var spans = hours.TryGetValue(day, out var configured) ? configured.OrderBy(s => s.Start).ToArray() : [];
            for (var i = 1; i < spans.Length; i++)
            {
                if (spans[i].Start < spans[i - 1].End)
                {
                    throw new ArgumentException($"{day}: {spans[i]} overlaps {spans[i - 1]}", nameof(hours));
                }
            }

            week[(int)day] = spans;
        }

        var longestDay = week.Max(DayLength);
        if (longestDay == TimeSpan.Zero)
        {
            throw new ArgumentException("the calendar has no working hours on any weekday", nameof(hours));
        }

        BusinessDay = businessDay ?? longestDay;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BusinessDay, TimeSpan.Zero, nameof(businessDay));
        Holidays = (holidays ?? []).ToFrozenSet();
        Description = $"{name} calendar ({timeZone.Id}, {DescribeWeek()}{(Holidays.Count > 0 ? $", {Holidays.Count} holidays" : "")})";
    }

    public string Name { get; }

    public TimeZoneInfo TimeZone { get; }

    public TimeSpan BusinessDay { get; }

    public IReadOnlySet<DateOnly> Holidays { get; }

    public string Description { get; }

    /// <summary>The working spans of a weekday, in order.</summary>
    public IReadOnlyList<WorkingSpan> HoursOn(DayOfWeek day) => week[(int)day];

    /// <summary>True when the local date has working hours (a working weekday that is not a holiday).</summary>
    public bool IsWorkingDay(DateOnly date) => !Holidays.Contains(date) && week[(int)date.DayOfWeek].Count > 0;

    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var from = start.ToUniversalTime();
        var remaining = duration;
        if (remaining == TimeSpan.Zero)
        {
            return from;
        }

        // Start a day early: a span of the previous local date may still be running at the start instant.
        var date = ZoneTime.LocalDate(TimeZone, from).AddDays(-1);
        for (var scanned = 0; scanned < MaxScanDays; scanned++, date = date.AddDays(1))
        {
            foreach (var (open, close) in SpansOn(date))
            {
                if (close <= from)
                {
                    continue;
                }

                var begin = open > from ? open : from;
                var available = close - begin;
                if (available >= remaining)
                {
                    return begin + remaining;
                }

                remaining -= available;
            }
        }

        throw new InvalidOperationException($"the {Name} calendar has no working time left within {MaxScanDays} days after {from:O}");
    }

    public DateTimeOffset AddBusinessDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return AddWorkingTime(start, BusinessDay * days);
    }

    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -WorkingTimeBetween(to, from);
        }

        var total = TimeSpan.Zero;
        var last = ZoneTime.LocalDate(TimeZone, to);
        for (var date = ZoneTime.LocalDate(TimeZone, from).AddDays(-1); date <= last; date = date.AddDays(1))
        {
            foreach (var (open, close) in SpansOn(date))
            {
                var begin = open > from ? open : from;
                var end = close < to ? close : to;
                if (end > begin)
                {
                    total += end - begin;
                }
            }
        }

        return total;
    }

    /// <summary>The working spans of a local date as UTC instants, in order; none on a holiday.</summary>
    public IEnumerable<(DateTimeOffset Open, DateTimeOffset Close)> SpansOn(DateOnly date)
    {
        if (Holidays.Contains(date))
        {
            yield break;
        }

        foreach (var span in week[(int)date.DayOfWeek])
        {
            yield return (ZoneTime.ToInstant(TimeZone, date, span.Start), ZoneTime.ToInstant(TimeZone, date, span.End));
        }
    }

    private static TimeSpan DayLength(IReadOnlyList<WorkingSpan> spans) =>
        spans.Aggregate(TimeSpan.Zero, (sum, span) => sum + span.Length);

    private static string Abbreviation(DayOfWeek day) =>
        CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day);

    private string DescribeWeek()
    {
        var text = new StringBuilder();
        var i = 0;
        while (i < MondayFirst.Length)
        {
            var spans = week[(int)MondayFirst[i]];
            var j = i;
            while (j + 1 < MondayFirst.Length && week[(int)MondayFirst[j + 1]].SequenceEqual(spans))
            {
                j++;
            }

            if (spans.Count > 0)
            {
                text.Append(text.Length > 0 ? "; " : "")
                    .Append(Abbreviation(MondayFirst[i]))
                    .Append(j > i ? $"-{Abbreviation(MondayFirst[j])}" : "")
                    .Append(' ')
                    .AppendJoin(", ", spans);
            }

            i = j + 1;
        }

        return text.ToString();
    }
}
