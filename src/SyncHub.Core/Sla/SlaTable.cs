using System.Globalization;
using SyncHub.Domain;
using SyncHub.Policies.Rules;

namespace SyncHub.Sla;

/// <summary>
/// The SLA configuration, merged with the defaults and validated: the clocks and the rows, ready for
/// <see cref="TableSlaPolicy"/> and <see cref="SlaClock"/>. Built once from <see cref="SlaOptions"/>.
/// </summary>
public sealed class SlaTable
{
    private SlaTable(SlaCalendars calendars, IReadOnlyList<SlaRow> rows, IReadOnlyList<string> activeStatuses, decimal atRiskShare)
    {
        Calendars = calendars;
        Rows = rows;
        ActiveStatuses = activeStatuses;
        AtRiskShare = atRiskShare;
    }

    public SlaCalendars Calendars { get; }

    /// <summary>The enabled rows, by id.</summary>
    public IReadOnlyList<SlaRow> Rows { get; }

    public IReadOnlyList<string> ActiveStatuses { get; }

    public decimal AtRiskShare { get; }

    /// <summary>The table from <paramref name="options"/>; throws listing every error when the options are invalid.</summary>
    public static SlaTable Create(SlaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<SettingError>();
        var table = Build(options, errors);
        return errors.Count == 0 && table is not null
            ? table
            : throw new ArgumentException($"invalid {SlaOptions.SectionName}: {string.Join("; ", errors)}", nameof(options));
    }

    /// <summary>Every error in <paramref name="options"/>, keyed relative to <c>SyncHub:Sla</c>.</summary>
    public static IReadOnlyList<SettingError> Validate(SlaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<SettingError>();
        Build(options, errors);
        return errors;
    }

    /// <summary>The part of <paramref name="target"/> after which it is at risk (<see cref="AtRiskShare"/>).</summary>
    public TimeSpan AtRiskAfter(TimeSpan target) =>
        TimeSpan.FromTicks((long)decimal.Round(target.Ticks * AtRiskShare, 0, MidpointRounding.AwayFromZero));

    private static SlaTable? Build(SlaOptions options, List<SettingError> errors)
    {
        if (options.AtRiskShare is <= 0 or > 1)
        {
            errors.Add(new(nameof(SlaOptions.AtRiskShare), $"{options.AtRiskShare.ToString(CultureInfo.InvariantCulture)} is not a share of the target: write a number above 0 and at most 1, e.g. 0.8"));
        }

        var activeStatuses = options.ActiveStatuses ?? [.. SlaDefaults.ActiveStatuses];
        CheckStatuses(activeStatuses, nameof(SlaOptions.ActiveStatuses), errors);

        var calendars = new List<BusinessCalendar>();
        var invalidCalendars = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, calendar) in DefaultsMerge.ByKey(options.Calendars, SlaDefaults.Calendars, (c, d) => c.WithDefaults(d)))
        {
            if (BuildCalendar(name, calendar, errors) is { } built)
            {
                calendars.Add(built);
            }
            else
            {
                invalidCalendars.Add(name);
            }
        }

        var clocks = new SlaCalendars(calendars);
        var rows = new List<SlaRow>();
        foreach (var (id, row) in DefaultsMerge.ByKey(options.Policies, SlaDefaults.Policies, (r, d) => r.WithDefaults(d)).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (!ConfigValue.TryParseBool(row.Enabled, fallback: true, out var enabled))
            {
                errors.Add(new($"{nameof(SlaOptions.Policies)}:{id}:{nameof(SlaPolicyOptions.Enabled)}", $"'{row.Enabled}' is not true or false"));
            }
            else if (enabled && BuildRow(id, row, activeStatuses, clocks, invalidCalendars, errors) is { } built)
            {
                rows.Add(built);
            }
        }

        CheckOverlaps(rows, errors);
        return errors.Count == 0 ? new SlaTable(clocks, rows, activeStatuses, options.AtRiskShare) : null;
    }

    private static BusinessCalendar? BuildCalendar(string name, SlaCalendarOptions options, List<SettingError> errors)
    {
        var key = $"{nameof(SlaOptions.Calendars)}:{name}";
        if (string.Equals(name, AlwaysOpenClock.ClockName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new(key, $"the name {AlwaysOpenClock.ClockName} is reserved for the always-on clock; choose another calendar name"));
            return null;
        }

        var errorCount = errors.Count;
        TimeZoneInfo? zone = null;
        if (string.IsNullOrWhiteSpace(options.TimeZone))
        {
            errors.Add(new($"{key}:{nameof(SlaCalendarOptions.TimeZone)}", "is required: an IANA time zone id such as America/Sao_Paulo"));
        }
        else
        {
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                errors.Add(new($"{key}:{nameof(SlaCalendarOptions.TimeZone)}", $"'{options.TimeZone}' is not a time zone known to this system: use an IANA id such as America/Sao_Paulo"));
            }
        }

        var hours = new Dictionary<DayOfWeek, IReadOnlyList<WorkingSpan>>();
        foreach (var (dayName, text) in options.Hours)
        {
            var dayKey = $"{key}:{nameof(SlaCalendarOptions.Hours)}:{dayName}";
            if (!TryParseDay(dayName, out var day))
            {
                errors.Add(new(dayKey, "is not a weekday: write Monday ... Sunday (or Mon ... Sun)"));
            }
            else if (!hours.TryAdd(day, []))
            {
                errors.Add(new(dayKey, $"{day} is listed twice"));
            }
            else if (!WorkingSpan.TryParseDay(text, out var spans, out var error))
            {
                errors.Add(new(dayKey, error!));
            }
            else
            {
                hours[day] = spans;
            }
        }

        if (errors.Count == errorCount && hours.Values.All(spans => spans.Count == 0))
        {
            errors.Add(new($"{key}:{nameof(SlaCalendarOptions.Hours)}", "has no working hours on any weekday: give at least one day, e.g. \"Monday\": \"08:00-20:00\""));
        }

        TimeSpan? businessDay = null;
        if (!string.IsNullOrWhiteSpace(options.BusinessDay))
        {
            if (SlaTarget.TryParse(options.BusinessDay, emptyIsBestEffort: false, out var length, out _) && length.Kind == SlaTargetKind.Duration && length.Duration <= TimeSpan.FromDays(1))
            {
                businessDay = length.Duration;
            }
            else
            {
                errors.Add(new($"{key}:{nameof(SlaCalendarOptions.BusinessDay)}", $"'{options.BusinessDay}' is not a working time above zero and at most 24 hours, e.g. 12 hours or 12:00:00"));
            }
        }

        var holidays = new List<DateOnly>();
        foreach (var (dateText, holidayName) in options.Holidays)
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new($"{key}:{nameof(SlaCalendarOptions.Holidays)}:{dateText}", "is not a date: write yyyy-MM-dd, e.g. 2026-12-25"));
            }
            else if (!string.IsNullOrWhiteSpace(holidayName))
            {
                holidays.Add(date);
            }
        }

        return errors.Count == errorCount && zone is not null
            ? new BusinessCalendar(name, zone, hours, holidays, businessDay)
            : null;
    }

    private static SlaRow? BuildRow(
        string id, SlaPolicyOptions row, IReadOnlyList<string> activeStatuses, SlaCalendars clocks, IReadOnlySet<string> invalidCalendars, List<SettingError> errors)
    {
        var key = $"{nameof(SlaOptions.Policies)}:{id}";
        var errorCount = errors.Count;
        if (string.IsNullOrWhiteSpace(row.Plan))
        {
            errors.Add(new($"{key}:{nameof(SlaPolicyOptions.Plan)}", "is required: the CRM plan or product the row is for, e.g. Gold"));
        }

        Priority? priority = null;
        if (!string.IsNullOrWhiteSpace(row.Priority))
        {
            if (ConfigValue.TryParseEnum<Priority>(row.Priority, out var parsed))
            {
                priority = parsed;
            }
            else
            {
                errors.Add(new($"{key}:{nameof(SlaPolicyOptions.Priority)}", $"'{row.Priority}' is not a priority: write High, Medium or Low, or leave it out for any priority"));
            }
        }

        if (row.Statuses is not null)
        {
            CheckStatuses(row.Statuses, $"{key}:{nameof(SlaPolicyOptions.Statuses)}", errors);
        }

        SlaTarget.TryParse(row.FirstResponse, emptyIsBestEffort: false, out var firstResponse, out var firstResponseError);
        if (firstResponseError is not null)
        {
            errors.Add(new($"{key}:{nameof(SlaPolicyOptions.FirstResponse)}", firstResponseError));
        }

        SlaTarget.TryParse(row.Resolution, emptyIsBestEffort: true, out var resolution, out var resolutionError);
        if (resolutionError is not null)
        {
            errors.Add(new($"{key}:{nameof(SlaPolicyOptions.Resolution)}", resolutionError));
        }
        else if (firstResponseError is null && firstResponse.IsBestEffort && !resolution.IsBestEffort)
        {
            errors.Add(new($"{key}:{nameof(SlaPolicyOptions.Resolution)}", "a best-effort row has no resolution target: give a first-response target too, or leave Resolution empty"));
        }

        IWorkingClock? clock = null;
        if (string.IsNullOrWhiteSpace(row.Clock))
        {
            if (firstResponseError is null && !firstResponse.IsBestEffort)
            {
                errors.Add(new($"{key}:{nameof(SlaPolicyOptions.Clock)}", $"is required: {AlwaysOpenClock.ClockName} or a calendar name ({Known(clocks)})"));
            }
        }
        else if (invalidCalendars.Contains(row.Clock))
        {
            // The calendar's own errors are reported already; the row is left out with it.
            return null;
        }
        else if (!clocks.TryGet(row.Clock, out clock))
        {
            errors.Add(new($"{key}:{nameof(SlaPolicyOptions.Clock)}", $"'{row.Clock}' is neither {AlwaysOpenClock.ClockName} nor a calendar in {SlaOptions.SectionName}:{nameof(SlaOptions.Calendars)} ({Known(clocks)})"));
        }

        return errors.Count == errorCount
            ? new SlaRow(id, row.Plan!.Trim(), priority, row.Statuses ?? activeStatuses, firstResponse, resolution, clock)
            : null;
    }

    private static void CheckStatuses(List<string> statuses, string key, List<SettingError> errors)
    {
        if (statuses.Count == 0)
        {
            errors.Add(new(key, "is empty: list the CRM statuses that count as an active customer, e.g. Active"));
        }

        for (var i = 0; i < statuses.Count; i++)
        {
            if (CrmText.Normalize(statuses[i]).Length == 0)
            {
                errors.Add(new($"{key}:{i}", "is empty"));
            }
        }
    }

    private static void CheckOverlaps(List<SlaRow> rows, List<SettingError> errors)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var (row, other) = (rows[i], rows[j]);
                if (CrmText.Same(row.Plan, other.Plan) && row.Priority == other.Priority && row.SharesStatusWith(other))
                {
                    errors.Add(new(
                        $"{nameof(SlaOptions.Policies)}:{row.Id}",
                        $"overlaps row {other.Id}: both serve plan {row.Plan}, priority {row.Priority?.ToString() ?? "any"} and a common status; give them distinct Statuses or disable one (Enabled: false)"));
                }
            }
        }
    }

    private static bool TryParseDay(string text, out DayOfWeek day)
    {
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            if (string.Equals(text.Trim(), candidate.ToString()[..3], StringComparison.OrdinalIgnoreCase))
            {
                day = candidate;
                return true;
            }
        }

        return ConfigValue.TryParseEnum(text, out day);
    }

    private static string Known(SlaCalendars clocks) =>
        string.Join(", ", clocks.Clocks.Select(c => c.Name).Order(StringComparer.Ordinal));
}
