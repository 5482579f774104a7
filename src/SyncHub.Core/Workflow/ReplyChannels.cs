using SyncHub.Adapters;
using SyncHub.Domain;

namespace SyncHub.Workflow;

/// <summary>
/// Which answers the enabled notifiers can deliver: a reply no notifier handles is refused at once instead of being
/// queued for nobody, and the channels declared answerable (<see cref="ReplyChannel"/>) but without a notifier are
/// listed by <c>check-config</c> and <c>/health/ready</c>.
/// </summary>
public sealed class ReplyChannels(IEnumerable<INotifier> notifiers, IEnumerable<ReplyChannel> declared)
{
    /// <summary>The e-mail answer of the channels whose replies go by mail; the core declares it for internal requests.</summary>
    public const string MailSetting = MailEvents.NotifierSetting;

    private readonly INotifier[] notifiers = [.. notifiers];

    public IReadOnlyList<ReplyChannel> Declared { get; } = [.. declared.Distinct()];

    /// <summary>True when an enabled notifier delivers events of <paramref name="eventType"/>.</summary>
    public bool CanDeliver(string eventType)
    {
        var probe = new OutboxEvent { Id = "probe", Type = eventType, TicketId = "probe", CreatedAt = DateTimeOffset.UnixEpoch };
        return notifiers.Any(n => n.Handles(probe));
    }

    /// <summary>The declared ways of answering that no enabled notifier delivers, in channel order.</summary>
    public IReadOnlyList<ReplyChannel> Unanswerable() =>
        [.. Declared.Where(c => !CanDeliver(c.EventType)).OrderBy(c => c.Channel).ThenBy(c => c.EventType, StringComparer.Ordinal)];
}
