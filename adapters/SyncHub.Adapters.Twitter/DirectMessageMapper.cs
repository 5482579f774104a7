using SyncHub.Domain;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// Turns a direct message to the support account into an intake record: a private thread of its own
/// (<c>twitter:dm:{dm_conversation_id}</c>, never the public conversation), keyed <c>dm:{event id}</c>, answered by direct message.
/// </summary>
internal static class DirectMessageMapper
{
    public const string ExternalIdPrefix = "dm:";

    public static string ThreadKey(string dmConversationId) => $"twitter:dm:{dmConversationId}";

    /// <summary>The record of <paramref name="message"/>, or null with the reason it is not a request.</summary>
    public static (IntakeRecord? Record, string? Skipped) ToRecord(
        TwitterDmEvent message, IReadOnlyDictionary<string, TwitterUser> users, string supportUserId, TimeSpan threadWindow, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!TweetIds.IsId(message.Id))
        {
            return (null, "no id");
        }

        if (!string.Equals(message.EventType, "MessageCreate", StringComparison.Ordinal))
        {
            return (null, $"a {message.EventType ?? "untyped"} event");
        }

        if (!TweetIds.IsId(message.SenderId))
        {
            return (null, "no sender");
        }

        if (message.SenderId == supportUserId)
        {
            return (null, "sent by the support account");
        }

        var sender = users.GetValueOrDefault(message.SenderId!);
        var username = string.IsNullOrWhiteSpace(sender?.Username) ? null : sender.Username.Trim();
        var handle = username is null ? null : "@" + username;
        var body = message.Text ?? "";
        var conversation = string.IsNullOrWhiteSpace(message.DmConversationId) ? Conversation(message.SenderId!, supportUserId) : message.DmConversationId.Trim();
        var subject = SubjectLine.From(body);
        var record = new IntakeRecord
        {
            Source = TweetMapper.SourceName,
            ExternalId = ExternalIdPrefix + message.Id,
            ThreadKey = ThreadKey(conversation),
            ThreadWindow = threadWindow > TimeSpan.Zero ? threadWindow : null,
            Channel = Channel.Twitter,
            Requester = new Requester(Name: string.IsNullOrWhiteSpace(sender?.Name) ? null : sender.Name.Trim(), Handle: handle),
            Subject = subject.Length > 0 ? subject : $"Direct message from {handle ?? "an X user"}",
            Body = body,
            ReceivedAt = message.CreatedAt?.ToUniversalTime() ?? now,
            Diagnostics = new Dictionary<string, string>
            {
                ["xKind"] = "dm",
                ["private"] = "true",
                ["senderId"] = message.SenderId!,
                ["dmConversationId"] = conversation,
            },
            ReplyRoute = TwitterReplyEvents.DirectMessageTo(message.SenderId!, username),
        };
        return (record, null);
    }

    /// <summary>X's id of a one-to-one conversation: the two user ids, smaller first, joined by a dash.</summary>
    private static string Conversation(string a, string b) => TweetIds.Compare(a, b) <= 0 ? $"{a}-{b}" : $"{b}-{a}";
}
