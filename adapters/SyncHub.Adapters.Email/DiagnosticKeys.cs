namespace SyncHub.Adapters.Email;

/// <summary>The keys the Email source writes into <c>IntakeRecord.Diagnostics</c>.</summary>
public static class DiagnosticKeys
{
    /// <summary>The Message-ID, without angle brackets (absent when the message had none).</summary>
    public const string MessageId = "messageId";

    /// <summary>The In-Reply-To message id, when present.</summary>
    public const string InReplyTo = "inReplyTo";

    /// <summary>The sending program (X-Mailer, else User-Agent), when present.</summary>
    public const string Mailer = "mailer";

    /// <summary>Attachments as <c>name (type, N bytes); ...</c>; never their content.</summary>
    public const string Attachments = "attachments";

    /// <summary>The IMAP folder the message was read from.</summary>
    public const string Folder = "folder";

    /// <summary>What could not be read as sent: truncation, unknown charsets, MIME limits, unreadable parts.</summary>
    public const string Notes = "notes";
}
