namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// <c>SyncHub:Adapters:Freshcaller:Coverage:Shifts:{n}</c>: a hotline shift during which at least
/// <see cref="MinimumAgents"/> agents must be available in Freshcaller.
/// </summary>
public sealed class FreshcallerShift
{
    /// <summary>The shift's name, shown in alerts and as the gauge's <c>shift</c> tag: letters, digits, spaces, <c>-</c>, <c>_</c>, <c>.</c>; unique.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// The days the shift starts on: English day names or their first three letters (<c>Monday</c>, <c>Tue</c>), or a
    /// range (<c>Mon-Fri</c>). A shift that ends after midnight belongs to the day it starts on.
    /// </summary>
    public IList<string> Days { get; } = [];

    /// <summary>Local start time, <c>HH:mm</c>.</summary>
    public string Start { get; set; } = "";

    /// <summary>
    /// Local end time, <c>HH:mm</c>. At or before <see cref="Start"/> the shift ends the next day (<c>22:00</c> to
    /// <c>06:00</c>); equal to it, the shift lasts 24 hours.
    /// </summary>
    public string End { get; set; } = "";

    /// <summary>The time zone of <see cref="Start"/> and <see cref="End"/> (IANA id, e.g. <c>America/Sao_Paulo</c>).</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>Fewer available agents than this is an uncovered shift.</summary>
    public int MinimumAgents { get; set; } = 1;

    /// <summary>Only agents of this Freshcaller team count (its name); empty: every agent counts.</summary>
    public string? Team { get; set; }
}
