namespace SyncHub.Domain;

/// <summary>
/// The outbox event asking for a team-chat message (escalations, SLA breaches, critical app reviews).
/// Producers fill <see cref="OutboxEvent.Data"/> with these keys; a chat notifier (Rocket.Chat) formats
/// and posts it, using <see cref="OutboxEvent.Id"/> as the message id so a retried post is not shown twice.
/// </summary>
public static class ChatEvents
{
    public const string Message = "chat.message";

    /// <summary>Room or channel name; empty means the notifier's default channel.</summary>
    public const string Channel = "channel";

    /// <summary>The chat user name to mention (without '@').</summary>
    public const string Mention = "mention";

    /// <summary>A one-line title, e.g. "Escalated to developers".</summary>
    public const string Title = "title";

    /// <summary>The message text (plain text; the notifier escapes it for its markup).</summary>
    public const string Text = "text";

    public const string Priority = "priority";

    public const string Subject = "subject";

    /// <summary>The SLA due instant (ISO 8601 UTC), when the ticket has one.</summary>
    public const string DueAt = "dueAt";

    /// <summary>What kind of alert: escalation, sla-breach, sla-at-risk, review-critical, review-frequent.</summary>
    public const string Kind = "kind";
}
