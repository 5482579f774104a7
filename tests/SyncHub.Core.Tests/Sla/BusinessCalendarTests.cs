using SyncHub.Sla;
using static SyncHub.Core.Tests.Sla.TestCalendars;

namespace SyncHub.Core.Tests.Sla;

/// <summary>Working-time arithmetic on the default 12x5 support calendar (America/Sao_Paulo, UTC-3, no DST).</summary>
public sealed class BusinessCalendarTests
{
    private static BusinessCalendar CreateSut() => Support();

    [Theory]
    // Friday-evening Medium ticket (24 working hours): 1 h on Friday, 12 h on Monday, 11 h on Tuesday.
    [InlineData("2026-03-06T19:00:00-03:00", "1.00:00:00", "2026-03-10T22:00:00Z")]
    // Low Pro ticket, 4 business days = 48 working hours: the same time four working days later.
    [InlineData("2026-03-09T10:00:00-03:00", "2.00:00:00", "2026-03-13T13:00:00Z")]
    // Arrives at night: the clock starts at Wednesday's 08:00 opening.
    [InlineData("2026-03-10T23:00:00-03:00", "02:00:00", "2026-03-11T13:00:00Z")]
    // Arrives before opening on a working day.
    [InlineData("2026-03-11T05:00:00-03:00", "02:00:00", "2026-03-11T13:00:00Z")]
    // Arrives on Saturday: the clock starts on Monday at 08:00.
    [InlineData("2026-03-07T14:00:00-03:00", "06:00:00", "2026-03-09T17:00:00Z")]
    // Sunday one minute before midnight.
    [InlineData("2026-03-08T23:59:00-03:00", "00:30:00", "2026-03-09T11:30:00Z")]
    // Exactly the rest of the day ends at the closing instant, not at the next opening.
    [InlineData("2026-03-09T18:00:00-03:00", "02:00:00", "2026-03-09T23:00:00Z")]
    // Tiradentes (Tuesday 2026-04-21) in the middle: Monday 5 h, Wednesday 12 h, Thursday 7 h.
    [InlineData("2026-04-20T15:00:00-03:00", "1.00:00:00", "2026-04-23T18:00:00Z")]
    // Good Friday (2026-04-03) and the weekend: Thursday 6 h, Monday 6 h.
    [InlineData("2026-04-02T14:00:00-03:00", "12:00:00", "2026-04-06T17:00:00Z")]
    // Christmas on a Friday: Thursday 1 h, Monday 11 h.
    [InlineData("2026-12-24T19:00:00-03:00", "12:00:00", "2026-12-28T22:00:00Z")]
    // Carnival Monday is not a national holiday: it is a working day by default.
    [InlineData("2026-02-13T19:00:00-03:00", "02:00:00", "2026-02-16T12:00:00Z")]
    // New Year 2027 (Friday) and the weekend.
    [InlineData("2026-12-31T19:30:00-03:00", "01:00:00", "2027-01-04T11:30:00Z")]
    public void AddWorkingTime_SupportCalendar_ReturnsExactUtcInstant(string start, string duration, string expected)
    {
        var sut = CreateSut();

        var due = sut.AddWorkingTime(At(start), TimeSpan.Parse(duration, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(At(expected), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Theory]
    [InlineData("2026-03-09T10:00:00-03:00", 1, "2026-03-10T13:00:00Z")]
    [InlineData("2026-03-06T10:00:00-03:00", 1, "2026-03-09T13:00:00Z")]
    [InlineData("2026-03-09T10:00:00-03:00", 4, "2026-03-13T13:00:00Z")]
    [InlineData("2026-03-07T10:00:00-03:00", 1, "2026-03-09T23:00:00Z")]
    [InlineData("2026-04-20T09:00:00-03:00", 2, "2026-04-23T12:00:00Z")]
    public void AddBusinessDays_SupportCalendar_CountsTwelveWorkingHoursADay(string start, int days, string expected)
    {
        var sut = CreateSut();

        var due = sut.AddBusinessDays(At(start), days);

        Assert.Equal(At(expected), due);
        Assert.Equal(sut.AddWorkingTime(At(start), TimeSpan.FromHours(12 * days)), due);
    }

    [Fact]
    public void BusinessDay_SupportCalendar_IsTwelveHours()
    {
        Assert.Equal(TimeSpan.FromHours(12), CreateSut().BusinessDay);
    }

    [Theory]
    [InlineData("2026-03-06T19:00:00-03:00", "2026-03-09T09:00:00-03:00", "02:00:00")]
    [InlineData("2026-03-07T00:00:00-03:00", "2026-03-09T00:00:00-03:00", "00:00:00")]
    [InlineData("2026-04-20T15:00:00-03:00", "2026-04-23T15:00:00-03:00", "1.00:00:00")]
    [InlineData("2026-03-09T08:00:00-03:00", "2026-03-16T08:00:00-03:00", "2.12:00:00")]
    [InlineData("2026-03-09T12:00:00-03:00", "2026-03-09T12:00:00-03:00", "00:00:00")]
    public void WorkingTimeBetween_SupportCalendar_CountsOnlyWorkingHours(string from, string to, string expected)
    {
        var sut = CreateSut();

        var working = sut.WorkingTimeBetween(At(from), At(to));

        Assert.Equal(TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), working);
        Assert.Equal(-working, sut.WorkingTimeBetween(At(to), At(from)));
    }

    [Theory]
    [InlineData("2026-03-06T19:00:00-03:00", 25)]
    [InlineData("2026-04-20T15:00:00-03:00", 17)]
    [InlineData("2026-12-23T12:00:00-03:00", 40)]
    public void WorkingTimeBetween_AfterAddWorkingTime_ReturnsTheDuration(string start, int hours)
    {
        var sut = CreateSut();
        var duration = TimeSpan.FromHours(hours);

        var due = sut.AddWorkingTime(At(start), duration);

        Assert.Equal(duration, sut.WorkingTimeBetween(At(start), due));
    }

    [Fact]
    public void AddWorkingTime_ZeroDuration_ReturnsStartInUtc()
    {
        var start = At("2026-03-07T14:00:00-03:00");

        var due = CreateSut().AddWorkingTime(start, TimeSpan.Zero);

        Assert.Equal(start, due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void AddWorkingTime_NegativeDuration_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CreateSut().AddWorkingTime(At("2026-03-09T10:00:00Z"), TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public void AddWorkingTime_SeveralSpansADay_SkipsTheBreak()
    {
        var sut = Weekdays("America/Sao_Paulo", "08:00-12:00, 13:00-18:00");

        var due = sut.AddWorkingTime(At("2026-03-09T11:00:00-03:00"), TimeSpan.FromHours(2));

        Assert.Equal(At("2026-03-09T14:00:00-03:00"), due);
        Assert.Equal(TimeSpan.FromHours(9), sut.BusinessDay);
        Assert.Equal(TimeSpan.FromHours(1), sut.WorkingTimeBetween(At("2026-03-09T11:30:00-03:00"), At("2026-03-09T13:30:00-03:00")));
    }

    [Fact]
    public void IsWorkingDay_HolidayAndWeekend_ReturnsFalse()
    {
        var sut = CreateSut();

        Assert.False(sut.IsWorkingDay(new DateOnly(2026, 4, 21)));
        Assert.False(sut.IsWorkingDay(new DateOnly(2026, 3, 7)));
        Assert.True(sut.IsWorkingDay(new DateOnly(2026, 3, 9)));
    }

    [Fact]
    public void Description_SupportCalendar_NamesZoneHoursAndHolidays()
    {
        Assert.Equal("support calendar (America/Sao_Paulo, Mon-Fri 08:00-20:00, 20 holidays)", CreateSut().Description);
    }

    [Fact]
    public void Constructor_NoWorkingHours_Throws()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        Assert.Throws<ArgumentException>(() => new BusinessCalendar("empty", zone, new Dictionary<DayOfWeek, IReadOnlyList<WorkingSpan>>()));
    }
}
