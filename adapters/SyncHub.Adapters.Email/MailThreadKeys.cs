using System.Security.Cryptography;
using System.Text;

namespace SyncHub.Adapters.Email;

/// <summary>
/// The conversation key of an incoming message, so a reply lands on the ticket its conversation opened:
/// <list type="number">
/// <item>a subject carrying a ticket tag <c>[#10423]</c>: the SDK's <see cref="ThreadKeys.ForTicket"/> (<c>ticket:10423</c>), which the store resolves;</item>
/// <item>a reply naming a message the source has already read (the known-thread lookup): that message's thread key,
/// looking at In-Reply-To first, then References from the last (the nearest) to the first;</item>
/// <item>any other reply (References or In-Reply-To): <c>mail:</c> + the root message id (the first of References, else In-Reply-To);</item>
/// <item>a new conversation: <c>mail:</c> + its own Message-ID (or its content id when it has none), so later replies find it.</item>
/// </list>
/// </summary>
internal static class MailThreadKeys
{
    public const string MailPrefix = "mail:";

    public static string For(
        string? subject,
        string? messageId,
        string? inReplyTo,
        IEnumerable<string>? references,
        string externalId,
        Func<string, string?>? knownThread = null)
    {
        if (TicketTag.Find(subject) is { } number)
        {
            return ThreadKeys.ForTicket(number);
        }

        var referenced = references?.Select(MessageIds.Normalize).OfType<string>().ToList() ?? [];
        if (knownThread is not null && Known(MessageIds.Normalize(inReplyTo), referenced, knownThread) is { } known)
        {
            return known;
        }

        var root = referenced.FirstOrDefault()
            ?? MessageIds.Normalize(inReplyTo)
            ?? MessageIds.Normalize(messageId)
            ?? externalId;
        return Bounded(MailPrefix + root);
    }

    /// <summary>The thread key of the first id the source knows: In-Reply-To, then References from last to first.</summary>
    private static string? Known(string? inReplyTo, List<string> references, Func<string, string?> knownThread)
    {
        if (inReplyTo is not null && knownThread(inReplyTo) is { } parent)
        {
            return parent;
        }

        for (var i = references.Count - 1; i >= 0; i--)
        {
            if (knownThread(references[i]) is { } key)
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>Keeps the key within the store's id limit: an absurdly long message id is replaced by its hash.</summary>
    private static string Bounded(string key) =>
        key.Length <= RecordLimits.MaxIdLength
            ? key
            : MailPrefix + "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key[MailPrefix.Length..])));
}
