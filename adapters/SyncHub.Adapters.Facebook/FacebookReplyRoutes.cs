using System.Globalization;
using SyncHub.Domain;

namespace SyncHub.Adapters.Facebook;

/// <summary>
/// How an agent's answer to a Facebook record goes back (<see cref="ReplyRoute"/>): a Messenger message to the sender
/// within Messenger's window, or a public reply under the customer's comment. Both need the page access token.
/// </summary>
public static class FacebookReplyRoutes
{
    /// <summary>The setting that enables <see cref="FacebookReplyNotifier"/>, named when a reply cannot go.</summary>
    public const string Setting = FacebookOptions.Section + ":" + nameof(FacebookOptions.PageAccessToken);

    /// <summary>A Messenger message to <paramref name="senderId"/> from <paramref name="pageId"/>, open until the window after <paramref name="sentAt"/> closes.</summary>
    public static ReplyRoute Message(string pageId, string senderId, string? name, DateTimeOffset sentAt, bool humanAgentTag) => new()
    {
        EventType = FacebookReplyEvents.Message,
        Data = new Dictionary<string, string>
        {
            [FacebookReplyEvents.PageId] = pageId,
            [FacebookReplyEvents.RecipientId] = senderId,
            [FacebookReplyEvents.LastMessageAt] = sentAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        },
        Destination = MessengerDestination(name ?? senderId),
        Setting = Setting,
        Until = sentAt + (humanAgentTag ? FacebookReplyEvents.HumanAgentWindow : FacebookReplyEvents.StandardWindow),
    };

    /// <summary>Where a Messenger answer goes, as the agent reads it: <c>Messenger to &lt;name or PSID&gt;</c>.</summary>
    internal static string MessengerDestination(string person) => $"Messenger to {person}";

    /// <summary>A public reply under comment <paramref name="commentId"/> on <paramref name="pageId"/>'s feed.</summary>
    public static ReplyRoute Comment(string? pageId, string commentId, string? name)
    {
        var data = new Dictionary<string, string> { [FacebookReplyEvents.CommentId] = commentId };
        if (pageId is not null)
        {
            data[FacebookReplyEvents.PageId] = pageId;
        }

        return new()
        {
            EventType = FacebookReplyEvents.Comment,
            Data = data,
            Destination = name is null ? "public reply to the comment on Facebook" : $"public reply to {name}'s comment on Facebook",
            Setting = Setting,
        };
    }
}
