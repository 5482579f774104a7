using System.Security.Cryptography;
using System.Text;

namespace SyncHub.Adapters.Email;

/// <summary>
/// The Message-ID of mail SyncHub sends: derived from the outbox event id, so a retried send carries the same id
/// (the recipient's mail system can recognise it) and a customer's reply can be threaded to it.
/// </summary>
public static class OutboundMessageId
{
    /// <summary>The local-part prefix that marks a Message-ID as ours.</summary>
    public const string Prefix = "synchub.";

    /// <summary>The Message-ID (without angle brackets) for the mail of outbox event <paramref name="eventId"/>.</summary>
    public static string For(string eventId, string domain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(eventId));
        return $"{Prefix}{Convert.ToHexStringLower(hash.AsSpan(0, 16))}@{domain.Trim().ToLowerInvariant()}";
    }

    /// <summary>True for a Message-ID that <see cref="For"/> made.</summary>
    public static bool IsOurs(string? messageId) =>
        MessageIds.Normalize(messageId) is { } id && id.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
}
