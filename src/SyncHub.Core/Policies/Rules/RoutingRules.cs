using SyncHub.Domain;

namespace SyncHub.Policies.Rules;

/// <summary>
/// The priority and department rules of <see cref="RoutingOptions"/>, merged with the defaults, validated and
/// sorted by order (then id). Disabled rules are left out.
/// </summary>
public sealed class RoutingRules
{
    private RoutingRules(IReadOnlyList<RoutingRule> priorityRules, IReadOnlyList<RoutingRule> departmentRules)
    {
        PriorityRules = priorityRules;
        DepartmentRules = departmentRules;
    }

    public IReadOnlyList<RoutingRule> PriorityRules { get; }

    public IReadOnlyList<RoutingRule> DepartmentRules { get; }

    /// <summary>The rules from <paramref name="options"/>; throws listing every error when they are invalid.</summary>
    public static RoutingRules Create(RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<SettingError>();
        var rules = Build(options, errors);
        return errors.Count == 0
            ? rules
            : throw new ArgumentException($"invalid {RoutingOptions.SectionName}: {string.Join("; ", errors)}", nameof(options));
    }

    /// <summary>Every error in <paramref name="options"/>, keyed relative to <c>SyncHub:Routing</c>.</summary>
    public static IReadOnlyList<SettingError> Validate(RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<SettingError>();
        Build(options, errors);
        return errors;
    }

    /// <summary>The first rule that matches, with the reason for the history; null when none does.</summary>
    public static (RoutingRule Rule, string Reason)? FirstMatch(IReadOnlyList<RoutingRule> rules, TicketContext context, SlaStamp? stamp)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            if (rule.When.Match(context, stamp) is { } facts)
            {
                return (rule, rule.Explain(facts));
            }
        }

        return null;
    }

    private static RoutingRules Build(RoutingOptions options, List<SettingError> errors)
    {
        var priorityRules = BuildList(nameof(RoutingOptions.PriorityRules), options.PriorityRules, RoutingDefaults.PriorityRules, forPriority: true, errors);
        var departmentRules = BuildList(nameof(RoutingOptions.DepartmentRules), options.DepartmentRules, RoutingDefaults.DepartmentRules, forPriority: false, errors);
        return new RoutingRules(priorityRules, departmentRules);
    }

    private static List<RoutingRule> BuildList(
        string section,
        Dictionary<string, RoutingRuleOptions> configured,
        IReadOnlyDictionary<string, RoutingRuleOptions> defaults,
        bool forPriority,
        List<SettingError> errors)
    {
        var rules = new List<RoutingRule>();
        foreach (var (id, rule) in DefaultsMerge.ByKey(configured, defaults, (r, d) => r.WithDefaults(d)))
        {
            if (rule.Enabled != false && BuildRule($"{section}:{id}", id, rule, forPriority, errors) is { } built)
            {
                rules.Add(built);
            }
        }

        return [.. rules.OrderBy(r => r.Order).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    private static RoutingRule? BuildRule(string key, string id, RoutingRuleOptions rule, bool forPriority, List<SettingError> errors)
    {
        var errorCount = errors.Count;
        if (rule.Order is null)
        {
            errors.Add(new($"{key}:{nameof(RoutingRuleOptions.Order)}", "is required: rules run by Order, lowest first"));
        }

        var when = RuleCondition.Create(rule.When, $"{key}:{nameof(RoutingRuleOptions.When)}", slaKnown: !forPriority, errors);
        if (forPriority)
        {
            if (rule.Priority is not { } priority || !Enum.IsDefined(priority))
            {
                errors.Add(new($"{key}:{nameof(RoutingRuleOptions.Priority)}", "is required: High, Medium or Low"));
            }

            if (rule.Department is not null)
            {
                errors.Add(new($"{key}:{nameof(RoutingRuleOptions.Department)}", "a priority rule sets Priority only; route departments in DepartmentRules"));
            }
        }
        else
        {
            if (rule.Department is not { } department || !Enum.IsDefined(department))
            {
                errors.Add(new($"{key}:{nameof(RoutingRuleOptions.Department)}", $"is required: {string.Join(", ", Enum.GetNames<Department>())}"));
            }

            if (rule.Priority is not null)
            {
                errors.Add(new($"{key}:{nameof(RoutingRuleOptions.Priority)}", "a department rule sets Department only; set priorities in PriorityRules"));
            }
        }

        return errors.Count == errorCount && when is not null
            ? new RoutingRule(id, rule.Order!.Value, when, rule.Priority, rule.Department, string.IsNullOrWhiteSpace(rule.Reason) ? $"rule {id}" : rule.Reason.Trim())
            : null;
    }
}
