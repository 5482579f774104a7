using System.ComponentModel.DataAnnotations;
using SyncHub.Domain;
using SyncHub.Policies.Rules;

namespace SyncHub.Policies;

/// <summary>
/// <c>SyncHub:Routing</c>: default priorities, the priority rules and the department rules. Rules are merged
/// with the built-in ones by id (see <c>Sla/README.md</c>); <see cref="RuleBasedPriorityPolicy"/> and
/// <see cref="RuleBasedDepartmentPolicy"/> apply them.
/// </summary>
public sealed class RoutingOptions : IValidatableObject
{
    public const string SectionName = "SyncHub:Routing";

    /// <summary>The priority of a ticket no rule raised, whose sender gave none and whose channel has no default.</summary>
    [EnumDataType(typeof(Priority))]
    public Priority DefaultPriority { get; set; } = Priority.Low;

    /// <summary>
    /// Starting priorities by channel name (<c>"Email": "Medium"</c>), merged with the default (e-mail tickets
    /// start at Medium, as the support process says); an empty value removes a channel's default.
    /// </summary>
    public Dictionary<string, string> ChannelPriorities { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The department of a ticket no department rule matched.</summary>
    [EnumDataType(typeof(Department))]
    public Department DefaultDepartment { get; set; } = Department.Community;

    /// <summary>Priority rules by id, run before the sender's priority and the channel default; the first match sets the priority.</summary>
    public Dictionary<string, RoutingRuleOptions> PriorityRules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Department rules by id; the first match routes the ticket.</summary>
    public Dictionary<string, RoutingRuleOptions> DepartmentRules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        RoutingRules.Validate(this).Select(error => error.ToValidationResult());
}
