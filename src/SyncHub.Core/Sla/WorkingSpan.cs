using System.Globalization;

namespace SyncHub.Sla;

/// <summary>
/// One span of working hours in local wall-clock time, <c>[Start, End)</c>, within one day: <c>08:00-20:00</c>.
/// <see cref="End"/> may be 24:00 (the next midnight).
/// </summary>
public readonly record struct WorkingSpan
{
    private static readonly TimeSpan EndOfDay = TimeSpan.FromDays(1);

    public WorkingSpan(TimeSpan start, TimeSpan end)
    {
        if (start < TimeSpan.Zero || end > EndOfDay || start >= end)
        {
            throw new ArgumentException($"a working span runs from 00:00 to 24:00 at most and ends after it starts (got {Format(start)}-{Format(end)})");
        }

        Start = start;
        End = end;
    }

    public TimeSpan Start { get; }

    public TimeSpan End { get; }

    public TimeSpan Length => End - Start;

    public override string ToString() => $"{Format(Start)}-{Format(End)}";

    /// <summary>
    /// Parses one day's hours: <c>08:00-20:00</c>, several spans separated by commas
    /// (<c>08:00-12:00, 13:00-18:00</c>), or an empty string / <c>closed</c> for a day off. Spans must be in
    /// order and must not overlap.
    /// </summary>
    public static bool TryParseDay(string? text, out IReadOnlyList<WorkingSpan> spans, out string? error)
    {
        spans = [];
        error = null;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("closed", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var parsed = new List<WorkingSpan>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TryParseTime(ends[0], out var start) || !TryParseTime(ends[1], out var end))
            {
                error = $"'{part}' is not a span; write HH:mm-HH:mm, e.g. 08:00-20:00, several separated by commas, or 'closed'";
                return false;
            }

            if (start >= end)
            {
                error = $"'{part}' ends before it starts; a span stays within one day (use 24:00 for midnight)";
                return false;
            }

            if (parsed.Count > 0 && start < parsed[^1].End)
            {
                error = $"'{part}' overlaps or precedes {parsed[^1]}; list the spans of a day in order";
                return false;
            }

            parsed.Add(new WorkingSpan(start, end));
        }

        spans = parsed;
        return true;
    }

    private static bool TryParseTime(string text, out TimeSpan time)
    {
        if (text == "24:00")
        {
            time = EndOfDay;
            return true;
        }

        return TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out time);
    }

    private static string Format(TimeSpan time) =>
        time == EndOfDay ? "24:00" : time.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
