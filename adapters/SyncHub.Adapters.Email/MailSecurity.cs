namespace SyncHub.Adapters.Email;

/// <summary>How the IMAP or SMTP connection is secured.</summary>
public enum MailSecurity
{
    /// <summary>Plain text; only for loopback servers in tests and sandboxes.</summary>
    None,

    /// <summary>TLS from the first byte (IMAPS 993, SMTPS 465).</summary>
    Ssl,

    /// <summary>Plain connection upgraded with STARTTLS (IMAP 143, SMTP submission 587); fails if the server does not offer it.</summary>
    StartTls,
}
