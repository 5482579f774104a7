using System.Security.Cryptography;
using System.Text;

namespace SyncHub.Adapters.Email;

/// <summary>
/// The conversation key of an incoming message, so a reply lands on the ticket its conversation opened:
/// <list type="number">
/// <item>a subject carrying a ticket tag <c>[#10423]</c>: the SDK's <see cref="ThreadKeys.ForTicket"/> (<c>ticket:10423</c>), which the store resolves;</item>
/// <item>a reply (References or In-Reply-To): <c>mail:</c> + the root message id (the first of References, else In-Reply-To);</item>
/// <item>a new conversation: <c>mail:</c> + its own Message-ID (or its content id when it has none), so later replies find it.</item>
/// </list>
/// </summary>
internal static class MailThreadKeys
{
    public const string MailPrefix = "mail:";

    public static string For(string? subject, string? messageId, string? inReplyTo, IEnumerable<string>? references, string externalId)
    {
        if (TicketTag.Find(subject) is { } number)
        {
            return ThreadKeys.ForTicket(number);
        }

        var root = references?.Select(MessageIds.Normalize).FirstOrDefault(id => id is not null)
            ?? MessageIds.Normalize(inReplyTo)
            ?? MessageIds.Normalize(messageId)
            ?? externalId;
        return Bounded(MailPrefix + root);
    }

    /// <summary>Keeps the key within the store's id limit: an absurdly long message id is replaced by its hash.</summary>
    private static string Bounded(string key) =>
        key.Length <= RecordLimits.MaxIdLength
            ? key
            : MailPrefix + "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key[MailPrefix.Length..])));
}
