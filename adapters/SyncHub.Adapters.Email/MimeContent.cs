using System.Globalization;
using MimeKit;

namespace SyncHub.Adapters.Email;

/// <summary>
/// The readable content of a message, gathered within limits: the first inline text/plain part, else the first
/// inline text/html part, the attachments' metadata, and notes on anything that could not be read (nesting
/// deeper than allowed, more parts than allowed, unknown charsets).
/// </summary>
internal sealed class MimeContent
{
    private readonly MailLimits limits;
    private readonly List<AttachmentInfo> attachments = [];
    private readonly List<string> notes = [];
    private int parts;
    private bool depthCapped;
    private bool partsCapped;

    private MimeContent(MailLimits limits) => this.limits = limits;

    public TextPart? Plain { get; private set; }

    public TextPart? Html { get; private set; }

    public IReadOnlyList<AttachmentInfo> Attachments => attachments;

    public IReadOnlyList<string> Notes => notes;

    public static MimeContent Read(MimeEntity? body, MailLimits limits)
    {
        var content = new MimeContent(limits);
        if (body is not null)
        {
            content.Walk(body, 1);
        }

        if (content.depthCapped)
        {
            content.notes.Add(string.Create(CultureInfo.InvariantCulture, $"MIME nesting deeper than {limits.MaxMimeDepth} levels was not read"));
        }

        if (content.partsCapped)
        {
            content.notes.Add(string.Create(CultureInfo.InvariantCulture, $"only the first {limits.MaxMimeParts} MIME parts were read"));
        }

        return content;
    }

    private void Walk(MimeEntity entity, int depth)
    {
        if (parts >= limits.MaxMimeParts)
        {
            partsCapped = true;
            return;
        }

        parts++;
        switch (entity)
        {
            case Multipart multipart when depth >= limits.MaxMimeDepth:
                depthCapped = true;
                break;
            case Multipart multipart:
                foreach (var child in multipart)
                {
                    Walk(child, depth + 1);
                    if (partsCapped)
                    {
                        return;
                    }
                }

                break;
            case MessagePart attached:
                AddAttachment(attached.ContentDisposition?.FileName ?? attached.ContentType.Name ?? "message.eml", attached.ContentType.MimeType, attached.Message is null ? 0 : MeasureMessage(attached.Message));
                break;
            case MimePart part when part.ContentType.MediaType.Equals("multipart", StringComparison.OrdinalIgnoreCase):
                // The parser stops nesting at MaxMimeDepth and hands the rest over as one opaque part.
                depthCapped = true;
                break;
            case TextPart text when !text.IsAttachment && text.IsPlain && Plain is null:
                Plain = text;
                break;
            case TextPart text when !text.IsAttachment && text.IsHtml && Html is null:
                Html = text;
                break;
            case TextPart text when !text.IsAttachment && (text.IsPlain || text.IsHtml):
                // A further inline text part (the other half of an alternative, a signature block): not an attachment.
                break;
            case MimePart part:
                AddAttachment(part.FileName ?? part.ContentId ?? "unnamed", part.ContentType.MimeType, Measure(part));
                break;
            default:
                break;
        }
    }

    private void AddAttachment(string name, string mimeType, long size)
    {
        var clean = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length > MailLimits.MaxAttachmentNameLength)
        {
            clean = clean[..MailLimits.MaxAttachmentNameLength] + "…";
        }

        attachments.Add(new AttachmentInfo(clean.Length == 0 ? "unnamed" : clean, mimeType.ToLowerInvariant(), size, size > limits.MaxAttachmentBytes));
    }

    /// <summary>The decoded size of a part (its transfer encoding undone).</summary>
    private static long Measure(MimePart part)
    {
        if (part.Content is null)
        {
            return 0;
        }

        using var sink = new CountingStream();
        part.Content.DecodeTo(sink);
        return sink.Count;
    }

    private static long MeasureMessage(MimeMessage message)
    {
        using var sink = new CountingStream();
        message.WriteTo(sink);
        return sink.Count;
    }
}
