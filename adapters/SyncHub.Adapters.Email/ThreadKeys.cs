using System.Security.Cryptography;
using System.Text;
using SyncHub.Pipeline;

namespace SyncHub.Adapters.Email;

/// <summary>
/// The conversation key of an incoming message, so a reply lands on the ticket its conversation opened:
/// <list type="number">
/// <item>a subject carrying a ticket tag <c>[#10423]</c>: <c>ticket:10423</c>;</item>
/// <item>a reply (References or In-Reply-To): <c>mail:</c> + the root message id (the first of References, else In-Reply-To);</item>
/// <item>a new conversation: <c>mail:</c> + its own Message-ID (or its content id when it has none), so later replies find it.</item>
/// </list>
/// </summary>
internal static class ThreadKeys
{
    public const string TicketPrefix = "ticket:";
    public const string MailPrefix = "mail:";

    public static string For(string? subject, string? messageId, string? inReplyTo, IEnumerable<string>? references, string externalId)
    {
        if (TicketTag.Find(subject) is { } number)
        {
            return TicketPrefix + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var root = references?.Select(MessageIds.Normalize).FirstOrDefault(id => id is not null)
            ?? MessageIds.Normalize(inReplyTo)
            ?? MessageIds.Normalize(messageId)
            ?? externalId;
        return Bounded(MailPrefix + root);
    }

    /// <summary>Keeps the key within the store's id limit: an absurdly long message id is replaced by its hash.</summary>
    private static string Bounded(string key) =>
        key.Length <= RecordValidator.MaxIdLength
            ? key
            : MailPrefix + "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key[MailPrefix.Length..])));
}
