using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace SyncHub.Adapters.Email;

/// <summary><c>SyncHub:Adapters:Email</c>: the IMAP mailbox support requests arrive in.</summary>
public sealed class EmailOptions : AdapterOptions, IValidatableObject
{
    /// <summary>The folder read when <see cref="Folders"/> is empty.</summary>
    public const string DefaultFolder = "INBOX";

    /// <summary>The IMAP server's host name. Required when enabled.</summary>
    public string Host { get; set; } = "";

    /// <summary>The IMAP port: 993 for <see cref="MailSecurity.Ssl"/>, 143 for STARTTLS or none.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 993;

    public MailSecurity Security { get; set; } = MailSecurity.Ssl;

    /// <summary>The login. Required when enabled.</summary>
    public string User { get; set; } = "";

    /// <summary>The password (or app password). Required when enabled; never logged.</summary>
    public string Password { get; set; } = "";

    /// <summary>The folders read, in this order; empty means <c>["INBOX"]</c>.</summary>
    public IList<string> Folders { get; } = [];

    /// <summary>The most messages one poll reads from one folder.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Our own addresses (the Smtp <c>From</c>, aliases): mail from them never becomes a ticket.</summary>
    public IList<string> OwnAddresses { get; } = [];

    /// <summary>Bodies longer than this are cut, with a note in the diagnostics.</summary>
    [Range(1, RecordLimits.MaxBodyLength)]
    public int MaxBodyChars { get; set; } = 100_000;

    /// <summary>Attachments larger than this (decoded) are listed as over the limit.</summary>
    [Range(0, long.MaxValue)]
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>A message larger than this is not downloaded: its headers make the record, with a note.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxMessageBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>MIME nesting deeper than this is not read (MIME bombs).</summary>
    [Range(1, 64)]
    public int MaxMimeDepth { get; set; } = 12;

    /// <summary>At most this many MIME parts of one message are read (MIME bombs).</summary>
    [Range(1, 10_000)]
    public int MaxMimeParts { get; set; } = 250;

    /// <summary>Move messages to this folder once their page is committed; null leaves them where they are.</summary>
    public string? MoveTo { get; set; }

    /// <summary>Flag messages <c>\Seen</c> once their page is committed.</summary>
    public bool MarkSeen { get; set; }

    /// <summary>On a folder's first poll, start after the mail already there instead of reading it all.</summary>
    public bool SkipExisting { get; set; }

    /// <summary>The folders actually read: <see cref="Folders"/>, or <c>INBOX</c> when none are configured.</summary>
    public IReadOnlyList<string> EffectiveFolders =>
        Folders.Count == 0 ? [DefaultFolder] : Folders.Select(f => f.Trim()).Distinct(StringComparer.Ordinal).ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled)
        {
            foreach (var (name, value) in new[] { (nameof(Host), Host), (nameof(User), User), (nameof(Password), Password) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    yield return new ValidationResult("is required when the adapter is enabled", [name]);
                }
            }
        }

        if (Folders.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("must not contain an empty folder name", [nameof(Folders)]);
        }

        if (MoveTo is not null && string.IsNullOrWhiteSpace(MoveTo))
        {
            yield return new ValidationResult("must be a folder name or left out", [nameof(MoveTo)]);
        }
        else if (MoveTo is not null && EffectiveFolders.Contains(MoveTo.Trim(), StringComparer.Ordinal))
        {
            yield return new ValidationResult("must not be one of the folders read", [nameof(MoveTo)]);
        }

        foreach (var address in OwnAddresses)
        {
            if (!MailAddress.TryCreate(address?.Trim(), out _))
            {
                yield return new ValidationResult($"'{address}' is not an e-mail address", [nameof(OwnAddresses)]);
            }
        }

        if (Timeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult("must be positive", [nameof(Timeout)]);
        }
    }
}
