namespace SyncHub.Sla;

/// <summary>
/// <c>SyncHub:Sla:Policies:&lt;id&gt;</c>: one row of the SLA table. The id (<c>gold-high</c>) is the stamp's
/// policy. For a default row, every field not configured keeps its default. Values are text, validated at start.
/// </summary>
public sealed class SlaPolicyOptions
{
    /// <summary><c>false</c> takes the row out of the table (default <c>true</c>).</summary>
    public string? Enabled { get; set; }

    /// <summary>The CRM plan or product (<c>Gold</c>), compared ignoring case, spaces and punctuation.</summary>
    public string? Plan { get; set; }

    /// <summary>
    /// The ticket priority the row is for (<c>High</c>, <c>Medium</c>, <c>Low</c>); omitted, the row serves every
    /// priority the plan has no row of its own for.
    /// </summary>
    public string? Priority { get; set; }

    /// <summary>The CRM statuses this row serves; null means <see cref="SlaOptions.ActiveStatuses"/>.</summary>
    public List<string>? Statuses { get; set; }

    /// <summary><c>30 minutes</c>, <c>2 hours</c>, <c>02:00:00</c>, <c>4 business days</c> or <c>best effort</c>.</summary>
    public string? FirstResponse { get; set; }

    /// <summary>Optional, same format; empty means no resolution target.</summary>
    public string? Resolution { get; set; }

    /// <summary><c>24x7</c> or the name of a calendar in <see cref="SlaOptions.Calendars"/>.</summary>
    public string? Clock { get; set; }

    internal SlaPolicyOptions WithDefaults(SlaPolicyOptions defaults) => new()
    {
        Enabled = Enabled ?? defaults.Enabled,
        Plan = Plan ?? defaults.Plan,
        Priority = Priority ?? defaults.Priority,
        Statuses = Statuses ?? defaults.Statuses,
        FirstResponse = FirstResponse ?? defaults.FirstResponse,
        Resolution = Resolution ?? defaults.Resolution,
        Clock = Clock ?? defaults.Clock,
    };
}
