using System.Globalization;
using System.Text.RegularExpressions;

namespace SyncHub.Sla;

/// <summary>
/// A first-response or resolution target as configured: <c>best effort</c>, a working-time duration
/// (<c>30 minutes</c>, <c>2 hours</c>, <c>1 hour 30 minutes</c>, or a TimeSpan <c>02:00:00</c> / <c>1.00:00:00</c>),
/// or <c>N business days</c>. Durations are working time on the row's clock: 24 hours on a 12x5 calendar is
/// two business days.
/// </summary>
public readonly partial record struct SlaTarget
{
    private SlaTarget(SlaTargetKind kind, TimeSpan duration, int businessDays)
    {
        Kind = kind;
        Duration = duration;
        BusinessDays = businessDays;
    }

    public static SlaTarget BestEffort { get; }

    public SlaTargetKind Kind { get; }

    /// <summary>The working time of a <see cref="SlaTargetKind.Duration"/> target.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The number of days of a <see cref="SlaTargetKind.BusinessDays"/> target.</summary>
    public int BusinessDays { get; }

    public bool IsBestEffort => Kind == SlaTargetKind.BestEffort;

    public static SlaTarget FromDuration(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        return new(SlaTargetKind.Duration, duration, 0);
    }

    public static SlaTarget FromBusinessDays(int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        return new(SlaTargetKind.BusinessDays, TimeSpan.Zero, days);
    }

    /// <summary>The working time this target allows on <paramref name="clock"/>; null for best effort.</summary>
    public TimeSpan? ToWorkingTime(IWorkingClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Kind switch
        {
            SlaTargetKind.Duration => Duration,
            SlaTargetKind.BusinessDays => clock.BusinessDay * BusinessDays,
            _ => null,
        };
    }

    /// <summary>
    /// Parses a target. Null or empty text is best effort only when <paramref name="emptyIsBestEffort"/> is set
    /// (an optional resolution target); a first-response target must say <c>best effort</c> explicitly.
    /// </summary>
    public static bool TryParse(string? text, bool emptyIsBestEffort, out SlaTarget target, out string? error)
    {
        target = BestEffort;
        error = null;
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            if (emptyIsBestEffort)
            {
                return true;
            }

            error = "is required: write a duration (30 minutes, 2 hours, 02:00:00), 'N business days' or 'best effort'";
            return false;
        }

        if (value.Equals("best effort", StringComparison.OrdinalIgnoreCase) || value.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var days = BusinessDaysPattern().Match(value);
        if (days.Success)
        {
            if (int.TryParse(days.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                target = FromBusinessDays(n);
                return true;
            }

            error = $"'{value}' is not a whole number of business days above zero";
            return false;
        }

        if (TryParseDuration(value, out var duration))
        {
            if (duration > TimeSpan.Zero)
            {
                target = FromDuration(duration);
                return true;
            }

            error = $"'{value}' must be longer than zero";
            return false;
        }

        error = $"'{value}' is not a target: write a duration (30 minutes, 2 hours, 1 hour 30 minutes, 02:00:00), 'N business days' or 'best effort'";
        return false;
    }

    public override string ToString() => Kind switch
    {
        SlaTargetKind.Duration => FormatDuration(Duration),
        SlaTargetKind.BusinessDays => BusinessDays == 1 ? "1 business day" : $"{BusinessDays} business days",
        _ => "best effort",
    };

    /// <summary>A working-time duration in words: <c>30 minutes</c>, <c>2 hours</c>, <c>1 hour 30 minutes</c>.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero || duration.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            return duration.ToString("c", CultureInfo.InvariantCulture);
        }

        var hours = (long)duration.TotalHours;
        var minutes = duration.Minutes;
        var hourText = hours == 1 ? "1 hour" : $"{hours} hours";
        var minuteText = minutes == 1 ? "1 minute" : $"{minutes} minutes";
        return (hours, minutes) switch
        {
            (0, _) => minuteText,
            (_, 0) => hourText,
            _ => $"{hourText} {minuteText}",
        };
    }

    private static bool TryParseDuration(string value, out TimeSpan duration)
    {
        var words = DurationPattern().Match(value);
        if (words.Success && (words.Groups["h"].Success || words.Groups["m"].Success))
        {
            var hours = words.Groups["h"].Success ? long.Parse(words.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
            var minutes = words.Groups["m"].Success ? long.Parse(words.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            duration = TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes);
            return true;
        }

        // A TimeSpan with colons only: "24" alone would parse as 24 days, which nobody means.
        return TimeSpan.TryParseExact(value, "c", CultureInfo.InvariantCulture, out duration) && value.Contains(':', StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?<n>\d{1,4})\s*business\s+days?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BusinessDaysPattern();

    [GeneratedRegex(@"^(?:(?<h>\d{1,5})\s*(?:h|hrs?|hours?))?\s*(?:(?<m>\d{1,6})\s*(?:m|min|mins|minutes?))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
