namespace SyncHub.Sla;

/// <summary>
/// Turns a local wall-clock time in a time zone into an absolute instant, exactly, across DST changes.
/// The rule: the earliest instant at which the zone's wall clock has reached that time. A time that occurs
/// twice (fall-back) is its first occurrence; a time that does not exist (spring-forward gap) is the
/// transition instant, when the clock jumps past it.
/// </summary>
internal static class ZoneTime
{
    public static DateTimeOffset ToInstant(TimeZoneInfo zone, DateOnly date, TimeSpan timeOfDay)
    {
        var local = date.ToDateTime(TimeOnly.MinValue) + timeOfDay;
        var asUtc = new DateTimeOffset(local, TimeSpan.Zero);

        // The offsets in force a day either side; real zones change at most once within such a window.
        var before = zone.GetUtcOffset(asUtc.AddDays(-1));
        var after = zone.GetUtcOffset(asUtc.AddDays(1));
        var early = asUtc - before;
        var late = asUtc - after;
        var earlyValid = zone.GetUtcOffset(early) == before;
        var lateValid = zone.GetUtcOffset(late) == after;

        if (earlyValid && lateValid)
        {
            return early < late ? early : late;
        }

        if (earlyValid)
        {
            return early;
        }

        if (lateValid || before == after)
        {
            return late;
        }

        // In the gap: the wall clock jumps over this time at the transition, which lies in (late, early].
        return FindTransition(zone, late, early);
    }

    public static DateOnly LocalDate(TimeZoneInfo zone, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static DateTimeOffset FindTransition(TimeZoneInfo zone, DateTimeOffset low, DateTimeOffset high)
    {
        var lowOffset = zone.GetUtcOffset(low);
        var lo = low.UtcTicks;
        var hi = high.UtcTicks;
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (zone.GetUtcOffset(new DateTimeOffset(mid, TimeSpan.Zero)) == lowOffset)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return new DateTimeOffset(hi, TimeSpan.Zero);
    }
}
