using SyncHub.Domain;

namespace SyncHub.Adapters.Email;

/// <summary>The <see cref="SyncHub.Domain.OutboxEvent.Data"/> keys of <see cref="EmailEvents"/>.</summary>
public static class EmailEventData
{
    /// <summary>Required: the recipients, an RFC 5322 address list (<c>Ana &lt;ana@example.com&gt;, bob@example.com</c>).</summary>
    public const string To = MailEvents.To;

    /// <summary>Optional: copy recipients, an address list.</summary>
    public const string Cc = "cc";

    /// <summary>Required: the subject; the ticket tag <c>[#N]</c> is put in front unless it is already there.</summary>
    public const string Subject = MailEvents.Subject;

    /// <summary>Required: the plain-text body.</summary>
    public const string Body = MailEvents.Body;

    /// <summary>Optional: the ticket number for the tag; defaults to <see cref="SyncHub.Domain.OutboxEvent.TicketNumber"/>.</summary>
    public const string TicketNumber = "ticketNumber";

    /// <summary>Optional: the Message-ID this mail answers (with or without angle brackets).</summary>
    public const string InReplyTo = MailEvents.InReplyTo;

    /// <summary>Optional: the conversation's message ids, oldest first, separated by spaces.</summary>
    public const string References = MailEvents.References;

    /// <summary>Optional: <c>true</c> or <c>false</c>; automatic mail carries <c>Auto-Submitted: auto-replied</c>. Defaults to true for follow-ups, false for replies.</summary>
    public const string Automatic = MailEvents.Automatic;
}
