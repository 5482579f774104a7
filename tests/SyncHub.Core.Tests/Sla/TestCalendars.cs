using System.Globalization;
using SyncHub.Sla;

namespace SyncHub.Core.Tests.Sla;

internal static class TestCalendars
{
    /// <summary>The default 12x5 support calendar, as the default options build it.</summary>
    public static BusinessCalendar Support() =>
        (BusinessCalendar)SlaTable.Create(new SlaOptions()).Calendars.Get("support");

    public static BusinessCalendar Weekdays(string zone, string hours) => Create(zone, hours, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday);

    public static BusinessCalendar EveryDay(string zone, string hours) => Create(zone, hours, Enum.GetValues<DayOfWeek>());

    public static BusinessCalendar Create(string zone, string hours, params DayOfWeek[] days)
    {
        Assert.True(WorkingSpan.TryParseDay(hours, out var spans, out var error), error);
        return new BusinessCalendar("test", TimeZoneInfo.FindSystemTimeZoneById(zone), days.ToDictionary(d => d, _ => spans));
    }

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
