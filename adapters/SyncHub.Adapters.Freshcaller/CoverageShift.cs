using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>A configured <see cref="FreshcallerShift"/>, read and checked: its days, local times and time zone.</summary>
internal sealed record CoverageShift(string Name, IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeOnly End, TimeZoneInfo Zone, int MinimumAgents, string? Team)
{
    public const int MaxNameLength = 60;

    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "HH:mm:ss"];

    /// <summary>
    /// The shifts of <paramref name="coverage"/>; each wrong setting is added to <paramref name="errors"/> with its key
    /// relative to the adapter's section (<c>Coverage:Shifts:0:TimeZone</c>), and its shift left out.
    /// </summary>
    public static List<CoverageShift> Read(FreshcallerCoverageOptions coverage, List<ValidationResult> errors)
    {
        var shifts = new List<CoverageShift>();
        for (var i = 0; i < coverage.Shifts.Count; i++)
        {
            if (Read(coverage.Shifts[i], $"{nameof(FreshcallerOptions.Coverage)}:{nameof(FreshcallerCoverageOptions.Shifts)}:{i}", errors) is { } shift)
            {
                if (shifts.Any(s => string.Equals(s.Name, shift.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    errors.Add(new ValidationResult($"'{shift.Name}' names another shift too; shift names must be unique", [$"{nameof(FreshcallerOptions.Coverage)}:{nameof(FreshcallerCoverageOptions.Shifts)}:{i}:{nameof(FreshcallerShift.Name)}"]));
                    continue;
                }

                shifts.Add(shift);
            }
        }

        return shifts;
    }

    /// <summary>
    /// The occurrence of the shift that <paramref name="now"/> falls in (<c>[start, end)</c> in UTC), or null when the
    /// shift is off. A shift that crosses midnight is on from its start day into the next one.
    /// </summary>
    public (DateTimeOffset Start, DateTimeOffset End)? OccurrenceAt(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
        foreach (var day in new[] { today, today.AddDays(-1) })
        {
            if (!Days.Contains(day.DayOfWeek))
            {
                continue;
            }

            var start = Utc(day.ToDateTime(Start));
            var end = Utc((End > Start ? day : day.AddDays(1)).ToDateTime(End));
            if (start <= now && now < end)
            {
                return (start, end);
            }
        }

        return null;
    }

    /// <summary>How the shift reads in a message: <c>Mon-Fri 08:00-20:00 America/Sao_Paulo</c>.</summary>
    public string Describe() =>
        $"{string.Join(",", Days.Order().Select(d => d.ToString()[..3]))} {Start:HH\\:mm}-{End:HH\\:mm} {Zone.Id}";

    /// <summary>
    /// The UTC instant of a local time in <see cref="Zone"/>: a time skipped by a daylight-saving change counts from
    /// the end of the gap, a repeated one at its first occurrence.
    /// </summary>
    private DateTimeOffset Utc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        for (var i = 0; i < 8 && Zone.IsInvalidTime(local); i++)
        {
            local = local.AddMinutes(15);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static CoverageShift? Read(FreshcallerShift shift, string key, List<ValidationResult> errors)
    {
        var before = errors.Count;
        void Fail(string property, string message) => errors.Add(new ValidationResult(message, [$"{key}:{property}"]));

        var name = shift.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength || !name.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.'))
        {
            Fail(nameof(FreshcallerShift.Name), $"is required: 1 to {MaxNameLength} letters, digits, spaces, '-', '_' or '.'");
        }

        var days = new HashSet<DayOfWeek>();
        if (shift.Days.Count == 0)
        {
            Fail(nameof(FreshcallerShift.Days), "is required: the days the shift starts on (Monday, Tue, Mon-Fri ...)");
        }

        for (var i = 0; i < shift.Days.Count; i++)
        {
            if (!TryDays(shift.Days[i], days))
            {
                Fail($"{nameof(FreshcallerShift.Days)}:{i}", $"'{shift.Days[i]}' is not a day of the week (Monday, Tue, Mon-Fri ...)");
            }
        }

        var start = Time(shift.Start, nameof(FreshcallerShift.Start), Fail);
        var end = Time(shift.End, nameof(FreshcallerShift.End), Fail);

        TimeZoneInfo? zone = null;
        if (string.IsNullOrWhiteSpace(shift.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(shift.TimeZone.Trim(), out zone))
        {
            Fail(nameof(FreshcallerShift.TimeZone), $"'{shift.TimeZone}' is not a known time zone id (e.g. America/Sao_Paulo)");
        }

        if (shift.MinimumAgents is < 1 or > 1000)
        {
            Fail(nameof(FreshcallerShift.MinimumAgents), "must be between 1 and 1000");
        }

        return errors.Count == before
            ? new CoverageShift(name, days, start!.Value, end!.Value, zone!, shift.MinimumAgents, string.IsNullOrWhiteSpace(shift.Team) ? null : shift.Team.Trim())
            : null;
    }

    private static TimeOnly? Time(string? value, string property, Action<string, string> fail)
    {
        if (TimeOnly.TryParseExact(value?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        fail(property, $"'{value}' is not a local time of day (HH:mm, e.g. 08:00)");
        return null;
    }

    private static bool TryDays(string? value, HashSet<DayOfWeek> days)
    {
        var parts = (value ?? "").Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is 0 or > 2 || !TryDay(parts[0], out var first))
        {
            return false;
        }

        var last = first;
        if (parts.Length == 2 && !TryDay(parts[1], out last))
        {
            return false;
        }

        for (var day = first; ; day = (DayOfWeek)(((int)day + 1) % 7))
        {
            days.Add(day);
            if (day == last)
            {
                return true;
            }
        }
    }

    private static bool TryDay(string value, out DayOfWeek day)
    {
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            var name = candidate.ToString();
            if (string.Equals(value, name, StringComparison.OrdinalIgnoreCase) || string.Equals(value, name[..3], StringComparison.OrdinalIgnoreCase))
            {
                day = candidate;
                return true;
            }
        }

        day = default;
        return false;
    }
}
