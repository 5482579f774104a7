using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace SyncHub.Adapters.Email;

/// <summary><c>SyncHub:Adapters:Smtp</c>: the SMTP server replies and follow-ups are sent through.</summary>
public sealed class SmtpOptions : AdapterOptions, IValidatableObject
{
    /// <summary>The SMTP server's host name. Required when enabled.</summary>
    public string Host { get; set; } = "";

    /// <summary>The port: 587 for STARTTLS submission, 465 for <see cref="MailSecurity.Ssl"/>, 25 for none.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>The login; empty sends without authenticating (a local relay).</summary>
    public string User { get; set; } = "";

    /// <summary>The password; required with <see cref="User"/>; never logged.</summary>
    public string Password { get; set; } = "";

    /// <summary>The sender, e.g. <c>Support &lt;support@example.com&gt;</c>. Required when enabled.</summary>
    public string From { get; set; } = "";

    /// <summary>The domain of the Message-IDs we generate; defaults to the domain of <see cref="From"/>.</summary>
    public string? MessageIdDomain { get; set; }

    /// <summary>The parsed <see cref="From"/>, or null when it is not one mailbox.</summary>
    public MailboxAddress? FromMailbox =>
        Charsets.EnsureRegistered() && MailboxAddress.TryParse(From ?? "", out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal) ? mailbox : null;

    /// <summary>The domain used in generated Message-IDs.</summary>
    public string EffectiveMessageIdDomain =>
        string.IsNullOrWhiteSpace(MessageIdDomain) ? FromMailbox?.Domain ?? "localhost" : MessageIdDomain.Trim();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && string.IsNullOrWhiteSpace(Host))
        {
            yield return new ValidationResult("is required when the adapter is enabled", [nameof(Host)]);
        }

        if (Enabled && string.IsNullOrWhiteSpace(From))
        {
            yield return new ValidationResult("is required when the adapter is enabled", [nameof(From)]);
        }
        else if (!string.IsNullOrWhiteSpace(From) && FromMailbox is null)
        {
            yield return new ValidationResult("must be one address, e.g. 'Support <support@example.com>'", [nameof(From)]);
        }

        if (!string.IsNullOrWhiteSpace(User) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("is required when a User is set", [nameof(Password)]);
        }

        if (MessageIdDomain is not null && (string.IsNullOrWhiteSpace(MessageIdDomain) || MessageIdDomain.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '@')))
        {
            yield return new ValidationResult("must be a domain name", [nameof(MessageIdDomain)]);
        }

        if (Timeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult("must be positive", [nameof(Timeout)]);
        }
    }
}
