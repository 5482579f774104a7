using SyncHub.Domain;

namespace SyncHub.Adapters.Email;

/// <summary>
/// The outbox events the Smtp notifier delivers (<see cref="SyncHub.Domain.OutboxEvent.Type"/>); their
/// <see cref="SyncHub.Domain.OutboxEvent.Data"/> keys are in <see cref="EmailEventData"/>.
/// </summary>
public static class EmailEvents
{
    /// <summary>An agent's reply to a ticket that came by e-mail (not automatic unless Data says so).</summary>
    public const string Reply = MailEvents.Reply;

    /// <summary>An automatic follow-up (e.g. after a hotline call); sent with <c>Auto-Submitted: auto-replied</c> unless Data says otherwise.</summary>
    public const string FollowUp = MailEvents.FollowUp;
}
