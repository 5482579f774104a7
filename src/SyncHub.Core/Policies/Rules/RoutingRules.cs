using SyncHub.Domain;

namespace SyncHub.Policies.Rules;

/// <summary>
/// The priority and department rules of <see cref="RoutingOptions"/>, merged with the defaults, validated and
/// sorted by order (then id). Disabled rules are left out.
/// </summary>
public sealed class RoutingRules
{
    private RoutingRules(IReadOnlyDictionary<Channel, Priority> channelPriorities, IReadOnlyList<RoutingRule> priorityRules, IReadOnlyList<RoutingRule> departmentRules)
    {
        ChannelPriorities = channelPriorities;
        PriorityRules = priorityRules;
        DepartmentRules = departmentRules;
    }

    /// <summary>The starting priority per channel (e-mail: Medium), merged with the configured ones.</summary>
    public IReadOnlyDictionary<Channel, Priority> ChannelPriorities { get; }

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
        // By index: a foreach over the interface would box the list's enumerator on every ticket.
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].When.Match(context, stamp) is { } facts)
            {
                return (rules[i], rules[i].Explain(facts));
            }
        }

        return null;
    }

    private static RoutingRules Build(RoutingOptions options, List<SettingError> errors)
    {
        var channelPriorities = new Dictionary<Channel, Priority>();
        var configuredChannels = new Dictionary<string, string>(RoutingDefaults.ChannelPriorities, StringComparer.OrdinalIgnoreCase);
        foreach (var (channelName, priorityName) in options.ChannelPriorities)
        {
            configuredChannels[channelName] = priorityName;
        }

        foreach (var (channelName, priorityName) in configuredChannels)
        {
            var key = $"{nameof(RoutingOptions.ChannelPriorities)}:{channelName}";
            if (!ConfigValue.TryParseEnum<Channel>(channelName, out var channel))
            {
                errors.Add(new(key, $"is not a channel: {ConfigValue.Names<Channel>()}"));
            }
            else if (string.IsNullOrWhiteSpace(priorityName))
            {
                channelPriorities.Remove(channel);
            }
            else if (!ConfigValue.TryParseEnum<Priority>(priorityName, out var priority))
            {
                errors.Add(new(key, $"'{priorityName}' is not a priority: {ConfigValue.Names<Priority>()}"));
            }
            else
            {
                channelPriorities[channel] = priority;
            }
        }

        var priorityRules = BuildList(nameof(RoutingOptions.PriorityRules), options.PriorityRules, RoutingDefaults.PriorityRules, forPriority: true, errors);
        var departmentRules = BuildList(nameof(RoutingOptions.DepartmentRules), options.DepartmentRules, RoutingDefaults.DepartmentRules, forPriority: false, errors);
        return new RoutingRules(channelPriorities, priorityRules, departmentRules);
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
            var key = $"{section}:{id}";
            if (!ConfigValue.TryParseBool(rule.Enabled, fallback: true, out var enabled))
            {
                errors.Add(new($"{key}:{nameof(RoutingRuleOptions.Enabled)}", $"'{rule.Enabled}' is not true or false"));
            }
            else if (enabled && BuildRule(key, id, rule, forPriority, errors) is { } built)
            {
                rules.Add(built);
            }
        }

        return [.. rules.OrderBy(r => r.Order).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    private static RoutingRule? BuildRule(string key, string id, RoutingRuleOptions rule, bool forPriority, List<SettingError> errors)
    {
        var errorCount = errors.Count;
        if (!ConfigValue.TryParseInt(rule.Order, out var order))
        {
            errors.Add(new($"{key}:{nameof(RoutingRuleOptions.Order)}", "is required: a whole number; rules run by Order, lowest first"));
        }

        var when = RuleCondition.Create(rule.When, $"{key}:{nameof(RoutingRuleOptions.When)}", slaKnown: !forPriority, errors);
        Priority? priority = null;
        Department? department = null;
        if (forPriority)
        {
            priority = Required<Priority>(rule.Priority, $"{key}:{nameof(RoutingRuleOptions.Priority)}", errors);
            Unwanted(rule.Department, $"{key}:{nameof(RoutingRuleOptions.Department)}", "a priority rule sets Priority only; route departments in DepartmentRules", errors);
        }
        else
        {
            department = Required<Department>(rule.Department, $"{key}:{nameof(RoutingRuleOptions.Department)}", errors);
            Unwanted(rule.Priority, $"{key}:{nameof(RoutingRuleOptions.Priority)}", "a department rule sets Department only; set priorities in PriorityRules", errors);
        }

        return errors.Count == errorCount && when is not null
            ? new RoutingRule(id, order, when, priority, department, string.IsNullOrWhiteSpace(rule.Reason) ? $"rule {id}" : rule.Reason.Trim())
            : null;
    }

    private static T? Required<T>(string? text, string key, List<SettingError> errors)
        where T : struct, Enum
    {
        if (ConfigValue.TryParseEnum<T>(text, out var value))
        {
            return value;
        }

        errors.Add(new(key, string.IsNullOrWhiteSpace(text) ? $"is required: {ConfigValue.Names<T>()}" : $"'{text}' is not one of {ConfigValue.Names<T>()}"));
        return null;
    }

    private static void Unwanted(string? text, string key, string message, List<SettingError> errors)
    {
        if (text is not null)
        {
            errors.Add(new(key, message));
        }
    }
}
