using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Text;
using SyncHub.Domain;

namespace SyncHub.Adapters.Email;

/// <summary>
/// Turns one parsed message into an intake record within limits. Never throws for what a message contains:
/// whatever cannot be read is left out and named in <see cref="DiagnosticKeys.Notes"/>.
/// </summary>
internal static partial class MessageMapper
{
    public const string UnreadableSubject = "(unreadable message)";
    public const string NoSubject = "(no subject)";
    private const int MaxMailerLength = 200;

    /// <summary>The most Message-IDs an answer's <c>References</c> lists.</summary>
    public const int MaxReferences = 20;

    public static IntakeRecord Map(MimeMessage message, MailContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        Charsets.EnsureRegistered();
        var notes = new List<string>(context.Notes ?? []);
        var diagnostics = new Dictionary<string, string> { [DiagnosticKeys.Folder] = context.Folder };

        var messageId = MessageIds.Normalize(message.MessageId);
        var inReplyTo = MessageIds.Normalize(message.InReplyTo);
        var subject = Subject(message, notes);
        var content = MimeContent.Read(message.Body, context.Limits);
        notes.AddRange(content.Notes);
        var fullBody = Body(content, notes);
        var body = Truncate(fullBody, context.Limits.MaxBodyChars, notes);

        var externalId = ExternalIdFor(messageId) ?? Hash($"{message.From}\n{message.Headers[HeaderId.Date]?.Trim()}\n{subject}\n{fullBody}");

        if (messageId is not null)
        {
            diagnostics[DiagnosticKeys.MessageId] = messageId;
        }

        if (inReplyTo is not null)
        {
            diagnostics[DiagnosticKeys.InReplyTo] = inReplyTo;
        }

        if (Mailer(message) is { } mailer)
        {
            diagnostics[DiagnosticKeys.Mailer] = mailer;
        }

        if (content.Attachments.Count > 0)
        {
            diagnostics[DiagnosticKeys.Attachments] = Attachments(content.Attachments);
        }

        if (notes.Count > 0)
        {
            diagnostics[DiagnosticKeys.Notes] = string.Join("; ", notes);
        }

        var requester = RequesterOf(message);
        return new IntakeRecord
        {
            Source = EmailSource.SourceName,
            ExternalId = externalId,
            ThreadKey = MailThreadKeys.For(subject, messageId, message.InReplyTo, message.References, externalId, context.KnownThread),
            Channel = Channel.Email,
            Requester = requester,
            Subject = subject,
            Body = body,
            ReceivedAt = context.ReceivedAt,
            Diagnostics = diagnostics,
            ReplyRoute = ReplyRouteFor(message, messageId, requester, subject),
        };
    }

    /// <summary>
    /// How an agent answers this message: an e-mail to its sender (Reply-To first) that answers it, <c>In-Reply-To</c> its
    /// Message-ID and <c>References</c> its chain (its own References, then its id; the first and the last
    /// <see cref="MaxReferences"/> - 1 kept when longer, as RFC 5322 suggests). A message that threads onto a ticket
    /// replaces the ticket's route, so the agent's next mail answers the customer's latest one.
    /// </summary>
    private static ReplyRoute? ReplyRouteFor(MimeMessage message, string? messageId, Requester requester, string subject)
    {
        if (requester.Email is not { } address)
        {
            return null;
        }

        var chain = message.References.Select(MessageIds.Normalize).OfType<string>().Where(id => id != messageId).Distinct(StringComparer.Ordinal).ToList();
        if (messageId is not null)
        {
            chain.Add(messageId);
        }

        if (chain.Count > MaxReferences)
        {
            chain = [chain[0], .. chain[^(MaxReferences - 1)..]];
        }

        var data = new Dictionary<string, string>
        {
            [MailEvents.To] = address,
            [MailEvents.Subject] = subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? subject : $"Re: {subject}",
            [MailEvents.Automatic] = "false",
        };
        if (messageId is not null)
        {
            data[MailEvents.InReplyTo] = messageId;
        }

        if (chain.Count > 0)
        {
            data[MailEvents.References] = string.Join(' ', chain.Select(id => $"<{id}>"));
        }

        return new ReplyRoute { EventType = MailEvents.Reply, Data = data, Destination = $"e-mail to {address}", Setting = MailEvents.NotifierSetting };
    }

    /// <summary>
    /// A best-effort record for a message nothing usable could be read from, so the request is not lost and the
    /// poller moves on: subject <see cref="UnreadableSubject"/>, the reason as body.
    /// </summary>
    public static IntakeRecord Unreadable(string externalId, string reason, MailContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var notes = new List<string>(context.Notes ?? []) { reason };
        return new IntakeRecord
        {
            Source = EmailSource.SourceName,
            ExternalId = externalId,
            ThreadKey = MailThreadKeys.For(null, null, null, null, externalId),
            Channel = Channel.Email,
            Subject = UnreadableSubject,
            Body = $"This message could not be read: {reason}. It is still in the mailbox folder '{context.Folder}'.",
            ReceivedAt = context.ReceivedAt,
            Diagnostics = new Dictionary<string, string>
            {
                [DiagnosticKeys.Folder] = context.Folder,
                [DiagnosticKeys.Notes] = string.Join("; ", notes),
            },
        };
    }

    /// <summary>The external id for a Message-ID: itself, or its hash when it is longer than the store accepts; null without one.</summary>
    public static string? ExternalIdFor(string? messageId) =>
        MessageIds.Normalize(messageId) is not { } id ? null : id.Length <= RecordLimits.MaxIdLength ? id : Hash(id);

    /// <summary>A stable id from content: <c>sha256:</c> and the hex digest.</summary>
    public static string Hash(string content) => Hash(Encoding.UTF8.GetBytes(content));

    public static string Hash(ReadOnlySpan<byte> content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    private static string Subject(MimeMessage message, List<string> notes)
    {
        var raw = message.Headers.FirstOrDefault(h => h.Id == HeaderId.Subject)?.RawValue;
        if (raw is not null)
        {
            foreach (Match word in EncodedWordCharset().Matches(Encoding.Latin1.GetString(raw)))
            {
                var charset = word.Groups[1].Value;
                if (!Charsets.IsKnown(charset))
                {
                    notes.Add($"subject: unknown charset '{Clean(charset, 40)}', decoded as UTF-8 or ISO-8859-1");
                }
            }
        }

        var subject = Clean(message.Subject ?? "", int.MaxValue);
        if (subject.Length == 0)
        {
            return NoSubject;
        }

        if (subject.Length > RecordLimits.MaxSubjectLength)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"subject truncated from {subject.Length} to {RecordLimits.MaxSubjectLength} characters"));
            subject = Cut(subject, RecordLimits.MaxSubjectLength);
        }

        return subject;
    }

    /// <summary>The text body: text/plain when there is one, else the HTML turned into text.</summary>
    private static string Body(MimeContent content, List<string> notes)
    {
        if (content.Plain is { } plain)
        {
            CheckCharset(plain, notes);
            var text = plain.IsFlowed ? Unflow(plain) : plain.Text;
            return text.Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        if (content.Html is { } html)
        {
            CheckCharset(html, notes);
            return HtmlText.Convert(html.Text);
        }

        return "";
    }

    /// <summary>format=flowed text (RFC 3676) with its soft line breaks joined again.</summary>
    private static string Unflow(TextPart part)
    {
        var deleteSpace = string.Equals(part.ContentType.Parameters["delsp"], "yes", StringComparison.OrdinalIgnoreCase);
        return new FlowedToText { DeleteSpace = deleteSpace }.Convert(part.Text);
    }

    private static void CheckCharset(TextPart part, List<string> notes)
    {
        if (part.ContentType.Charset is { Length: > 0 } charset && !Charsets.IsKnown(charset))
        {
            notes.Add($"body: unknown charset '{Clean(charset, 40)}', decoded as UTF-8 or ISO-8859-1");
        }
    }

    private static string Truncate(string body, int maxChars, List<string> notes)
    {
        if (body.Length <= maxChars)
        {
            return body;
        }

        notes.Add(string.Create(CultureInfo.InvariantCulture, $"body truncated from {body.Length} to {maxChars} characters"));
        return Cut(body, maxChars);
    }

    private static Requester RequesterOf(MimeMessage message)
    {
        var mailbox = message.ReplyTo.Mailboxes.FirstOrDefault() ?? message.From.Mailboxes.FirstOrDefault();
        if (mailbox is null)
        {
            return Requester.Unknown;
        }

        var name = Clean(mailbox.Name ?? "", 200);
        var address = Clean(mailbox.Address ?? "", 320);
        return new Requester(name.Length == 0 ? null : name, address.Length == 0 ? null : address);
    }

    private static string? Mailer(MimeMessage message)
    {
        var mailer = message.Headers[HeaderId.XMailer] ?? message.Headers[HeaderId.UserAgent];
        var clean = mailer is null ? "" : Clean(mailer, MaxMailerLength);
        return clean.Length == 0 ? null : clean;
    }

    private static string Attachments(IReadOnlyList<AttachmentInfo> attachments)
    {
        var listed = string.Join("; ", attachments.Take(MailLimits.MaxListedAttachments));
        var rest = attachments.Count - MailLimits.MaxListedAttachments;
        return rest > 0 ? string.Create(CultureInfo.InvariantCulture, $"{listed}; and {rest} more") : listed;
    }

    /// <summary>One line: control characters and line breaks become spaces, runs of spaces collapse, at most <paramref name="max"/> characters.</summary>
    private static string Clean(string value, int max)
    {
        var text = new StringBuilder(Math.Min(value.Length, max == int.MaxValue ? value.Length : max + 1));
        var space = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = text.Length > 0;
                continue;
            }

            if (space)
            {
                text.Append(' ');
                space = false;
            }

            text.Append(c);
            if (text.Length >= max)
            {
                break;
            }
        }

        return text.ToString();
    }

    /// <summary>The first <paramref name="max"/> characters, without splitting a surrogate pair.</summary>
    private static string Cut(string value, int max) =>
        value.Length <= max ? value : value[..(char.IsHighSurrogate(value[max - 1]) ? max - 1 : max)];

    [GeneratedRegex(@"=\?([^?*\s]+)(?:\*[^?\s]*)?\?[bBqQ]\?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EncodedWordCharset();
}
