using Microsoft.Extensions.Options;
using SyncHub.Domain;
using SyncHub.Policies.Rules;

namespace SyncHub.Policies;

/// <summary>
/// Priority without rules: the sender's choice (the web form field), otherwise the channel's default
/// (e-mail: Medium), otherwise the configured default. <see cref="RuleBasedPriorityPolicy"/> runs the
/// priority rules first and falls back to this.
/// </summary>
public sealed class DefaultPriorityPolicy(IOptions<RoutingOptions> options) : IPriorityPolicy
{
    // Each channel's decision made once (a decision is immutable): one per ticket was a new reason string per ticket.
    private readonly Dictionary<Channel, PolicyDecision<Priority>> channelDefaults = RoutingRules.Create(options.Value).ChannelPriorities
        .ToDictionary(p => p.Key, p => new PolicyDecision<Priority>(p.Value, $"default priority of the {p.Key} channel"));

    private readonly PolicyDecision<Priority> defaultPriority = new(options.Value.DefaultPriority, "default priority");

    public PolicyDecision<Priority> Decide(TicketContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = context.Record;
        if (record.PriorityHint is { } hint)
        {
            return new(hint, "priority given by the requester");
        }

        return channelDefaults.TryGetValue(record.Channel, out var channelDefault) ? channelDefault : defaultPriority;
    }
}
