namespace SyncHub.Adapters.Email;

/// <summary>The bounds within which one message is read; from <see cref="EmailOptions"/>.</summary>
internal sealed record MailLimits(int MaxBodyChars, long MaxAttachmentBytes, int MaxMimeDepth, int MaxMimeParts)
{
    /// <summary>How many attachments are listed by name before the rest are only counted.</summary>
    public const int MaxListedAttachments = 20;

    /// <summary>The longest attachment name kept in the list.</summary>
    public const int MaxAttachmentNameLength = 120;

    public static MailLimits From(EmailOptions options) =>
        new(options.MaxBodyChars, options.MaxAttachmentBytes, options.MaxMimeDepth, options.MaxMimeParts);
}
