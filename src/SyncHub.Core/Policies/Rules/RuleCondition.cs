using SyncHub.Domain;

namespace SyncHub.Policies.Rules;

/// <summary>A validated <see cref="RuleConditionOptions"/>: answers whether a new ticket matches, and why.</summary>
public sealed class RuleCondition
{
    private readonly IReadOnlySet<Channel>? channels;
    private readonly IReadOnlySet<string>? sources;
    private readonly IReadOnlySet<string>? statuses;
    private readonly IReadOnlySet<string>? plans;
    private readonly bool? sla;
    private readonly IReadOnlyList<string>? keywords;

    private RuleCondition(RuleConditionOptions options)
    {
        channels = options.Channel?.ToHashSet();
        sources = options.Source is null ? null : CrmText.ToSet(options.Source);
        statuses = options.AccountStatus is null ? null : CrmText.ToSet(options.AccountStatus);
        plans = options.Plan is null ? null : CrmText.ToSet(options.Plan);
        sla = options.Sla;
        keywords = options.Keywords?.Select(k => k.Trim()).ToArray();
    }

    /// <summary>
    /// Null when the ticket does not match; otherwise the facts that matched, e.g.
    /// <c>channel Phone, status Active, plan Gold</c>.
    /// </summary>
    public string? Match(TicketContext context, SlaStamp? stamp)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = context.Record;
        var account = context.Account;
        var facts = new List<string>();
        if (channels is not null)
        {
            if (!channels.Contains(record.Channel))
            {
                return null;
            }

            facts.Add($"channel {record.Channel}");
        }

        if (sources is not null)
        {
            if (!sources.Contains(CrmText.Normalize(record.Source)))
            {
                return null;
            }

            facts.Add($"source {record.Source}");
        }

        if (statuses is not null)
        {
            if (account is null || !statuses.Contains(CrmText.Normalize(account.Status)))
            {
                return null;
            }

            facts.Add($"status {account.Status}");
        }

        if (plans is not null)
        {
            if (account is null || !plans.Contains(CrmText.Normalize(account.Plan)))
            {
                return null;
            }

            facts.Add($"plan {account.Plan}");
        }

        if (sla is { } wanted)
        {
            var has = stamp is { FirstResponseDueAt: not null } or { ResolutionDueAt: not null };
            if (has != wanted)
            {
                return null;
            }

            facts.Add(has ? $"SLA {stamp!.Policy}" : "no SLA");
        }

        if (keywords is not null)
        {
            var keyword = keywords.FirstOrDefault(k =>
                record.Subject.Contains(k, StringComparison.OrdinalIgnoreCase) ||
                record.Body.Contains(k, StringComparison.OrdinalIgnoreCase));
            if (keyword is null)
            {
                return null;
            }

            facts.Add($"mentions \"{keyword}\"");
        }

        return string.Join(", ", facts);
    }

    /// <summary>The condition, or null with errors (keys under <paramref name="key"/>) when it is invalid.</summary>
    internal static RuleCondition? Create(RuleConditionOptions? options, string key, bool slaKnown, List<SettingError> errors)
    {
        var errorCount = errors.Count;
        if (options is null || options is { Channel: null, Source: null, AccountStatus: null, Plan: null, Sla: null, Keywords: null })
        {
            errors.Add(new(key, "is required: give at least one condition (Channel, Source, AccountStatus, Plan, Sla, Keywords); the default applies when no rule matches"));
            return null;
        }

        if (options.Channel is not null)
        {
            CheckList(options.Channel.Select(c => Enum.IsDefined(c) ? c.ToString() : ""), $"{key}:{nameof(RuleConditionOptions.Channel)}", errors);
        }

        CheckList(options.Source, $"{key}:{nameof(RuleConditionOptions.Source)}", errors);
        CheckList(options.AccountStatus, $"{key}:{nameof(RuleConditionOptions.AccountStatus)}", errors);
        CheckList(options.Plan, $"{key}:{nameof(RuleConditionOptions.Plan)}", errors);
        CheckList(options.Keywords, $"{key}:{nameof(RuleConditionOptions.Keywords)}", errors);
        if (options.Sla is not null && !slaKnown)
        {
            errors.Add(new($"{key}:{nameof(RuleConditionOptions.Sla)}", "is not known when the priority is chosen (the SLA depends on it); use it in department rules"));
        }

        return errors.Count == errorCount ? new RuleCondition(options) : null;
    }

    private static void CheckList(IEnumerable<string>? values, string key, List<SettingError> errors)
    {
        if (values is null)
        {
            return;
        }

        var index = 0;
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new($"{key}:{index}", "is empty or not a known value"));
            }

            index++;
        }

        if (index == 0)
        {
            errors.Add(new(key, "is empty: list at least one value, or leave the condition out"));
        }
    }
}
