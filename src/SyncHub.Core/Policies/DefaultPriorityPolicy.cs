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
    private readonly IReadOnlyDictionary<Channel, Priority> channelPriorities = RoutingRules.Create(options.Value).ChannelPriorities;
    private readonly Priority defaultPriority = options.Value.DefaultPriority;

    public PolicyDecision<Priority> Decide(TicketContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = context.Record;
        if (record.PriorityHint is { } hint)
        {
            return new(hint, "priority given by the requester");
        }

        if (channelPriorities.TryGetValue(record.Channel, out var channelDefault))
        {
            return new(channelDefault, $"default priority of the {record.Channel} channel");
        }

        return new(defaultPriority, "default priority");
    }
}
