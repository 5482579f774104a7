using SyncHub.Sla;
using static SyncHub.Core.Tests.Sla.TestCalendars;

namespace SyncHub.Core.Tests.Sla;

/// <summary>
/// Working time across the 2026 DST changes: Europe/Berlin springs forward on 29 March (02:00 CET to 03:00 CEST)
/// and falls back on 25 October (03:00 CEST to 02:00 CET); America/New_York springs forward on 8 March
/// (02:00 EST to 03:00 EDT) and falls back on 1 November (02:00 EDT to 01:00 EST).
/// </summary>
public sealed class BusinessCalendarDstTests
{
    [Theory]
    // Friday before spring-forward: 1 h on Friday (CET, UTC+1), 1 h on Monday (CEST, UTC+2).
    [InlineData("Europe/Berlin", "2026-03-27T16:00:00+01:00", "2026-03-30T08:00:00Z")]
    // Friday before fall-back: Friday in CEST, Monday in CET.
    [InlineData("Europe/Berlin", "2026-10-23T16:00:00+02:00", "2026-10-26T09:00:00Z")]
    // Friday before spring-forward: Friday in EST (UTC-5), Monday in EDT (UTC-4).
    [InlineData("America/New_York", "2026-03-06T16:00:00-05:00", "2026-03-09T14:00:00Z")]
    // Friday before fall-back: Friday in EDT, Monday in EST.
    [InlineData("America/New_York", "2026-10-30T16:00:00-04:00", "2026-11-02T15:00:00Z")]
    public void AddWorkingTime_WeekendWithDstChange_OpensAtLocalNineInTheNewOffset(string zone, string start, string expected)
    {
        var sut = Weekdays(zone, "09:00-17:00");

        var due = sut.AddWorkingTime(At(start), TimeSpan.FromHours(2));

        Assert.Equal(At(expected), due);
        Assert.Equal(TimeSpan.FromHours(2), sut.WorkingTimeBetween(At(start), due));
    }

    [Theory]
    // A round-the-clock calendar counts real time: the spring-forward day has 23 hours, the fall-back day 25.
    [InlineData("Europe/Berlin", "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", 23)]
    [InlineData("Europe/Berlin", "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00", 25)]
    [InlineData("America/New_York", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 23)]
    [InlineData("America/New_York", "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 25)]
    public void WorkingTimeBetween_RoundTheClockOverDstDay_CountsRealHours(string zone, string from, string to, int hours)
    {
        var sut = EveryDay(zone, "00:00-24:00");

        Assert.Equal(TimeSpan.FromHours(hours), sut.WorkingTimeBetween(At(from), At(to)));
    }

    [Theory]
    // One working hour from 01:30 CET on the spring-forward night ends at 03:30 CEST.
    [InlineData("Europe/Berlin", "2026-03-29T01:30:00+01:00", "2026-03-29T03:30:00+02:00")]
    // One working hour from 01:30 CEST on the fall-back night ends at 02:30 CEST (the first 02:30).
    [InlineData("Europe/Berlin", "2026-10-25T01:30:00+02:00", "2026-10-25T02:30:00+02:00")]
    // One working hour from 02:30 CEST (first pass) on the fall-back night ends at 02:30 CET (second pass).
    [InlineData("Europe/Berlin", "2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00")]
    [InlineData("America/New_York", "2026-03-08T01:30:00-05:00", "2026-03-08T03:30:00-04:00")]
    [InlineData("America/New_York", "2026-11-01T01:30:00-04:00", "2026-11-01T01:30:00-05:00")]
    public void AddWorkingTime_RoundTheClockAcrossTransition_AddsRealTime(string zone, string start, string expected)
    {
        var sut = EveryDay(zone, "00:00-24:00");

        Assert.Equal(At(expected), sut.AddWorkingTime(At(start), TimeSpan.FromHours(1)));
    }

    [Theory]
    // Sunday 01:00-04:00 on the spring-forward night: 01:00 CET to 04:00 CEST is two hours.
    [InlineData("Europe/Berlin", "01:00-04:00", "2026-03-29", "2026-03-29T00:00:00Z", "2026-03-29T02:00:00Z")]
    // The same span on the fall-back night is four hours: 01:00 CEST to 04:00 CET.
    [InlineData("Europe/Berlin", "01:00-04:00", "2026-10-25", "2026-10-24T23:00:00Z", "2026-10-25T03:00:00Z")]
    [InlineData("America/New_York", "01:00-04:00", "2026-03-08", "2026-03-08T06:00:00Z", "2026-03-08T08:00:00Z")]
    [InlineData("America/New_York", "01:00-04:00", "2026-11-01", "2026-11-01T05:00:00Z", "2026-11-01T09:00:00Z")]
    // A span that opens inside the spring-forward gap (02:30 does not exist) opens when the clock jumps to 03:00.
    [InlineData("Europe/Berlin", "02:30-05:00", "2026-03-29", "2026-03-29T01:00:00Z", "2026-03-29T03:00:00Z")]
    [InlineData("America/New_York", "02:30-05:00", "2026-03-08", "2026-03-08T07:00:00Z", "2026-03-08T09:00:00Z")]
    // A span that opens at a time occurring twice (fall-back) opens at its first occurrence.
    [InlineData("Europe/Berlin", "02:30-03:30", "2026-10-25", "2026-10-25T00:30:00Z", "2026-10-25T02:30:00Z")]
    [InlineData("America/New_York", "01:30-02:30", "2026-11-01", "2026-11-01T05:30:00Z", "2026-11-01T07:30:00Z")]
    public void SpansOn_SpanAcrossTransition_ConvertsEachEndWithItsOwnOffset(string zone, string hours, string date, string open, string close)
    {
        var sut = Create(zone, hours, DayOfWeek.Sunday);
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var span = Assert.Single(sut.SpansOn(day));

        Assert.Equal((At(open), At(close)), span);
        var week = (From: At(open).AddDays(-2), To: At(close).AddDays(2));
        Assert.Equal(At(close) - At(open), sut.WorkingTimeBetween(week.From, week.To));
        Assert.Equal(At(close), sut.AddWorkingTime(week.From, At(close) - At(open)));
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-29", "02:30", "2026-03-29T01:00:00Z")]
    [InlineData("Europe/Berlin", "2026-03-29", "03:00", "2026-03-29T01:00:00Z")]
    [InlineData("Europe/Berlin", "2026-03-29", "01:59", "2026-03-29T00:59:00Z")]
    [InlineData("Europe/Berlin", "2026-10-25", "02:30", "2026-10-25T00:30:00Z")]
    [InlineData("Europe/Berlin", "2026-10-25", "03:00", "2026-10-25T02:00:00Z")]
    [InlineData("America/New_York", "2026-03-08", "02:00", "2026-03-08T07:00:00Z")]
    [InlineData("America/New_York", "2026-11-01", "01:00", "2026-11-01T05:00:00Z")]
    [InlineData("America/New_York", "2026-11-01", "02:00", "2026-11-01T07:00:00Z")]
    [InlineData("America/Sao_Paulo", "2026-06-15", "08:00", "2026-06-15T11:00:00Z")]
    public void ToInstant_LocalTime_IsTheFirstInstantTheWallClockReachesIt(string zone, string date, string time, string expected)
    {
        var instant = ZoneTime.ToInstant(
            TimeZoneInfo.FindSystemTimeZoneById(zone),
            DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.ParseExact(time, @"hh\:mm", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(At(expected), instant);
    }

    [Fact]
    public void AddBusinessDays_RoundTheClockCalendar_CountsTwentyFourWorkingHours()
    {
        var sut = EveryDay("Europe/Berlin", "00:00-24:00");

        // Over the 23-hour spring-forward day, one business day (24 working hours) ends an hour later on the wall clock.
        var due = sut.AddBusinessDays(At("2026-03-28T12:00:00+01:00"), 1);

        Assert.Equal(At("2026-03-29T13:00:00+02:00"), due);
    }
}
