namespace SyncHub.Sla;

/// <summary>The 24x7 clock: every instant is working time (hotline, on-call).</summary>
public sealed class AlwaysOpenClock : IWorkingClock
{
    /// <summary>The clock name SLA rows use for it.</summary>
    public const string ClockName = "24x7";

    private AlwaysOpenClock()
    {
    }

    public static AlwaysOpenClock Instance { get; } = new();

    public string Name => ClockName;

    public TimeSpan BusinessDay => TimeSpan.FromDays(1);

    public string Description => "24x7 clock";

    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return start.ToUniversalTime() + duration;
    }

    public DateTimeOffset AddBusinessDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return AddWorkingTime(start, BusinessDay * days);
    }

    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to) => to - from;
}
