using System.ComponentModel.DataAnnotations;

namespace SyncHub.Sla;

/// <summary>
/// <c>SyncHub:Sla</c>: the business-hours calendars and the SLA table. What is configured is merged with the
/// built-in defaults (the published table and the <c>support</c> calendar, see <c>Sla/README.md</c>): maps
/// (calendars, rows, hours, holidays) merge by key, a list replaces the default list, a single value overrides it.
/// </summary>
public sealed class SlaOptions : IValidatableObject
{
    public const string SectionName = "SyncHub:Sla";

    /// <summary>
    /// The CRM account statuses that count as an active customer for rows that name no statuses of their own;
    /// null means the default (<c>Active</c>, <c>Customer</c>). Compared ignoring case, spaces and punctuation.
    /// </summary>
    public List<string>? ActiveStatuses { get; set; }

    /// <summary>The share of a target after which an open target is at risk (0.8: at 80 % of its working time).</summary>
    public decimal AtRiskShare { get; set; } = 0.8m;

    /// <summary>
    /// The target of the next agent response after a customer's answer reopens a ticket, per priority
    /// (<c>SyncHub:Sla:NextResponse:High</c> = <c>01:00:00</c>); a priority not listed takes the first-response target of
    /// the ticket's row.
    /// </summary>
    public Dictionary<SyncHub.Domain.Priority, TimeSpan> NextResponse { get; set; } = [];

    /// <summary>Business-hours calendars by name; <c>support</c> is built in and <c>24x7</c> is reserved for the always-on clock.</summary>
    public Dictionary<string, SlaCalendarOptions> Calendars { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The SLA table: rows by policy id (<c>gold-high</c>), merged with the default rows of the same id.</summary>
    public Dictionary<string, SlaPolicyOptions> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        SlaTable.Validate(this).Select(error => error.ToValidationResult());
}
