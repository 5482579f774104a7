using System.Diagnostics.CodeAnalysis;

namespace SyncHub.Sla;

/// <summary>The clocks SLA rows and stamps name: the 24x7 clock and the configured business-hours calendars.</summary>
public sealed class SlaCalendars
{
    private readonly Dictionary<string, IWorkingClock> clocks = new(StringComparer.OrdinalIgnoreCase)
    {
        [AlwaysOpenClock.ClockName] = AlwaysOpenClock.Instance,
    };

    public SlaCalendars(IEnumerable<BusinessCalendar> calendars)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        foreach (var calendar in calendars)
        {
            if (!clocks.TryAdd(calendar.Name, calendar))
            {
                throw new ArgumentException($"two clocks are named '{calendar.Name}'", nameof(calendars));
            }
        }
    }

    public IReadOnlyCollection<IWorkingClock> Clocks => clocks.Values;

    public bool TryGet(string? name, [NotNullWhen(true)] out IWorkingClock? clock)
    {
        clock = null;
        return name is not null && clocks.TryGetValue(name, out clock);
    }

    public IWorkingClock Get(string name) =>
        TryGet(name, out var clock)
            ? clock
            : throw new KeyNotFoundException($"no clock named '{name}'; known: {string.Join(", ", clocks.Keys.Order(StringComparer.Ordinal))}");
}
