using SyncHub.Domain;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// The outbox events of answers on X, as the Twitter source routes them (<see cref="IntakeRecord.ReplyRoute"/>) and
/// <see cref="TwitterReplyNotifier"/> delivers them. The core adds the agent's text under <see cref="ReplyRoute.TextKey"/>.
/// </summary>
public static class TwitterReplyEvents
{
    /// <summary>A public reply to a mention: data <see cref="InReplyToTweetId"/> and <see cref="Username"/>.</summary>
    public const string Reply = "x.reply";

    /// <summary>A direct message to the sender of one: data <see cref="ParticipantId"/>.</summary>
    public const string DirectMessage = "x.dm";

    /// <summary>The id of the post answered.</summary>
    public const string InReplyToTweetId = "inReplyToTweetId";

    /// <summary>The @username (without the @) of the author answered.</summary>
    public const string Username = "username";

    /// <summary>The numeric user id a direct message goes to.</summary>
    public const string ParticipantId = "participantId";

    /// <summary>The route of a public reply to <paramref name="tweetId"/> by <paramref name="username"/>.</summary>
    public static ReplyRoute PublicReply(string tweetId, string? username)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [InReplyToTweetId] = tweetId };
        if (!string.IsNullOrWhiteSpace(username))
        {
            data[Username] = username.Trim();
        }

        return new ReplyRoute
        {
            EventType = Reply,
            Data = data,
            Destination = string.IsNullOrWhiteSpace(username) ? "public reply on X" : $"public reply to @{username.Trim()} on X",
            Setting = TwitterOptions.UserContextSetting,
        };
    }

    /// <summary>The route of a direct message to <paramref name="participantId"/> (<paramref name="username"/> when known).</summary>
    public static ReplyRoute DirectMessageTo(string participantId, string? username) => new()
    {
        EventType = DirectMessage,
        Data = new Dictionary<string, string>(StringComparer.Ordinal) { [ParticipantId] = participantId },
        Destination = string.IsNullOrWhiteSpace(username) ? "direct message on X" : $"direct message to @{username.Trim()} on X",
        Setting = TwitterOptions.UserContextSetting,
    };
}
