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

    private RuleCondition(RuleConditionOptions options, IReadOnlySet<Channel>? channels, bool? sla)
    {
        this.channels = channels;
        sources = options.Source is null ? null : CrmText.ToSet(options.Source);
        statuses = options.AccountStatus is null ? null : CrmText.ToSet(options.AccountStatus);
        plans = options.Plan is null ? null : CrmText.ToSet(options.Plan);
        this.sla = sla;
        keywords = options.Keywords?.Select(k => k.Trim()).ToArray();
    }

    /// <summary>
    /// Null when the ticket does not match; otherwise the facts that matched, e.g.
    /// <c>channel Phone, status Active, plan Gold</c>. Every condition is checked before any fact is written: most rules
    /// do not match most tickets.
    /// </summary>
    public string? Match(TicketContext context, SlaStamp? stamp)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = context.Record;
        var account = context.Account;
        var hasSla = stamp is { FirstResponseDueAt: not null } or { ResolutionDueAt: not null };
        string? keyword = null;
        if ((channels is not null && !channels.Contains(record.Channel))
            || (sources is not null && !sources.Contains(CrmText.Normalize(record.Source)))
            || (statuses is not null && (account is null || !statuses.Contains(CrmText.Normalize(account.Status))))
            || (plans is not null && (account is null || !plans.Contains(CrmText.Normalize(account.Plan))))
            || (sla is { } wanted && hasSla != wanted)
            || (keywords is not null && (keyword = Mentioned(keywords, record)) is null))
        {
            return null;
        }

        var facts = new List<string>(6);
        if (channels is not null)
        {
            facts.Add($"channel {record.Channel}");
        }

        if (sources is not null)
        {
            facts.Add($"source {record.Source}");
        }

        if (statuses is not null)
        {
            facts.Add($"status {account!.Status}");
        }

        if (plans is not null)
        {
            facts.Add($"plan {account!.Plan}");
        }

        if (sla is not null)
        {
            facts.Add(hasSla ? $"SLA {stamp!.Policy}" : "no SLA");
        }

        if (keyword is not null)
        {
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

        HashSet<Channel>? channels = null;
        if (options.Channel is not null)
        {
            var channelKey = $"{key}:{nameof(RuleConditionOptions.Channel)}";
            CheckList(options.Channel, channelKey, errors);
            channels = [];
            for (var i = 0; i < options.Channel.Count; i++)
            {
                if (ConfigValue.TryParseEnum<Channel>(options.Channel[i], out var channel))
                {
                    channels.Add(channel);
                }
                else if (!string.IsNullOrWhiteSpace(options.Channel[i]))
                {
                    errors.Add(new($"{channelKey}:{i}", $"'{options.Channel[i]}' is not a channel: {ConfigValue.Names<Channel>()}"));
                }
            }
        }

        CheckList(options.Source, $"{key}:{nameof(RuleConditionOptions.Source)}", errors);
        CheckList(options.AccountStatus, $"{key}:{nameof(RuleConditionOptions.AccountStatus)}", errors);
        CheckList(options.Plan, $"{key}:{nameof(RuleConditionOptions.Plan)}", errors);
        CheckList(options.Keywords, $"{key}:{nameof(RuleConditionOptions.Keywords)}", errors);
        bool? sla = null;
        if (options.Sla is not null)
        {
            var slaKey = $"{key}:{nameof(RuleConditionOptions.Sla)}";
            if (!slaKnown)
            {
                errors.Add(new(slaKey, "is not known when the priority is chosen (the SLA depends on it); use it in department rules"));
            }
            else if (!bool.TryParse(options.Sla.Trim(), out var wanted))
            {
                errors.Add(new(slaKey, $"'{options.Sla}' is not true or false"));
            }
            else
            {
                sla = wanted;
            }
        }

        return errors.Count == errorCount ? new RuleCondition(options, channels, sla) : null;
    }

    /// <summary>The first of <paramref name="keywords"/> that the record's subject or body mentions (any case), else null.</summary>
    private static string? Mentioned(IReadOnlyList<string> keywords, IntakeRecord record)
    {
        for (var i = 0; i < keywords.Count; i++)
        {
            if (record.Subject.Contains(keywords[i], StringComparison.OrdinalIgnoreCase) || record.Body.Contains(keywords[i], StringComparison.OrdinalIgnoreCase))
            {
                return keywords[i];
            }
        }

        return null;
    }

    private static void CheckList(List<string>? values, string key, List<SettingError> errors)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count == 0)
        {
            errors.Add(new(key, "is empty: list at least one value, or leave the condition out"));
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                errors.Add(new($"{key}:{i}", "is empty"));
            }
        }
    }
}
