using Microsoft.Extensions.Options;
using SyncHub.Domain;

namespace SyncHub.Policies;

/// <summary>
/// Priority from the support process: a phrase such as "system down" makes it High; otherwise the
/// sender's choice (the web form field); otherwise the channel's default (e-mail: Medium); otherwise the
/// configured default.
/// </summary>
public sealed class DefaultPriorityPolicy(IOptions<RoutingOptions> options) : IPriorityPolicy
{
    public PolicyDecision<Priority> Decide(TicketContext context)
    {
        var settings = options.Value;
        var record = context.Record;
        foreach (var phrase in settings.HighPriorityPhrases)
        {
            if (record.Subject.Contains(phrase, StringComparison.OrdinalIgnoreCase) ||
                record.Body.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return new(Priority.High, $"the request mentions \"{phrase}\"");
            }
        }

        if (record.PriorityHint is { } hint)
        {
            return new(hint, "priority given by the requester");
        }

        if (settings.ChannelPriorities.TryGetValue(record.Channel, out var channelDefault))
        {
            return new(channelDefault, $"default priority of the {record.Channel} channel");
        }

        return new(settings.DefaultPriority, "default priority");
    }
}
