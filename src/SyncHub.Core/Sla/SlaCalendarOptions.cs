namespace SyncHub.Sla;

/// <summary>
/// <c>SyncHub:Sla:Calendars:&lt;name&gt;</c>: a business-hours calendar. For the built-in <c>support</c>
/// calendar every field not configured keeps its default, and hours and holidays merge by key.
/// </summary>
public sealed class SlaCalendarOptions
{
    /// <summary>An IANA time zone id, e.g. <c>America/Sao_Paulo</c>.</summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// Working hours by weekday (<c>Monday</c> or <c>Mon</c>): <c>08:00-20:00</c>, several spans separated by
    /// commas (<c>08:00-12:00, 13:00-18:00</c>), <c>24:00</c> for midnight at the end, and empty or
    /// <c>closed</c> for a day off. A day not listed is closed.
    /// </summary>
    public Dictionary<string, string> Hours { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Holidays by local date (<c>yyyy-MM-dd</c>) with a name; an empty name removes a default holiday.
    /// </summary>
    public Dictionary<string, string> Holidays { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The working time of one business day (<c>12 hours</c>, <c>12:00:00</c>); by default the longest weekday's
    /// working hours (12 h on 12x5).
    /// </summary>
    public string? BusinessDay { get; set; }

    internal SlaCalendarOptions WithDefaults(SlaCalendarOptions defaults) => new()
    {
        TimeZone = TimeZone ?? defaults.TimeZone,
        Hours = MergeMap(Hours, defaults.Hours),
        Holidays = MergeMap(Holidays, defaults.Holidays),
        BusinessDay = BusinessDay ?? defaults.BusinessDay,
    };

    private static Dictionary<string, string> MergeMap(Dictionary<string, string> configured, Dictionary<string, string> defaults)
    {
        var merged = new Dictionary<string, string>(defaults, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configured)
        {
            merged[key] = value;
        }

        return merged;
    }
}
