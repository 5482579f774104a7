namespace SyncHub.Domain;

/// <summary>
/// The outbox events asking for an e-mail to a customer: an agent's reply, or an automatic follow-up (after
/// a hotline call). <see cref="OutboxEvent.Data"/> carries these keys; the SMTP notifier sends it threaded.
/// </summary>
public static class MailEvents
{
    public const string Reply = "email.reply";

    /// <summary>The setting that enables the notifier sending these mails (SMTP), named when a reply cannot go.</summary>
    public const string NotifierSetting = "SyncHub:Adapters:Smtp:Enabled";
    public const string FollowUp = "email.followup";

    /// <summary>The recipients: an RFC 5322 address list.</summary>
    public const string To = "to";
    public const string Subject = "subject";
    public const string Body = "body";

    /// <summary>The Message-ID the mail answers (the customer's last message), if any.</summary>
    public const string InReplyTo = "inReplyTo";

    /// <summary>Space-separated Message-IDs of the thread, if any.</summary>
    public const string References = "references";

    /// <summary>"true" for mail sent without a person (follow-ups): marked Auto-Submitted: auto-replied.</summary>
    public const string Automatic = "automatic";
}
