using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace SyncHub.Adapters.RocketChat;

/// <summary>
/// The Rocket.Chat message id of an outbox event: 17 characters of Meteor's id alphabet (the shape Rocket.Chat's own
/// ids have), derived from SHA-256 of the event id. The same event always gets the same id, so a retried
/// <c>chat.sendMessage</c> finds the message already there instead of posting it twice.
/// </summary>
internal static class RocketChatMessageId
{
    public const int Length = 17;

    /// <summary>Meteor's <c>Random.id()</c> alphabet (no 0/O, 1/l/I look-alikes).</summary>
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";

    public static string From(string eventId)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("synchub.outbox:" + eventId));
        var value = new BigInteger(hash, isUnsigned: true, isBigEndian: true);
        var id = new StringBuilder(Length);
        for (var i = 0; i < Length; i++)
        {
            id.Append(Alphabet[(int)(value % Alphabet.Length)]);
            value /= Alphabet.Length;
        }

        return id.ToString();
    }
}
