using System.Globalization;

namespace SyncHub.Adapters.Email;

/// <summary>What is recorded of an attachment: its name, type and decoded size (never its content).</summary>
internal sealed record AttachmentInfo(string Name, string MimeType, long Size, bool OverLimit)
{
    public override string ToString() => OverLimit
        ? string.Create(CultureInfo.InvariantCulture, $"{Name} ({MimeType}, {Size} bytes, over the size limit)")
        : string.Create(CultureInfo.InvariantCulture, $"{Name} ({MimeType}, {Size} bytes)");
}
