namespace SyncHub.Adapters.Facebook;

/// <summary>
/// The outbox events of an agent's answer on Facebook and the keys of their <c>Data</c> (besides the core's
/// <c>ReplyRoute.TextKey</c>): a Messenger message to the customer, or a public reply to a feed comment.
/// </summary>
public static class FacebookReplyEvents
{
    /// <summary>A Messenger message to the person who wrote to the page (Send API).</summary>
    public const string Message = "facebook.message";

    /// <summary>A public reply to a comment on the page's feed.</summary>
    public const string Comment = "facebook.comment";

    /// <summary>The page that answers (the page the customer wrote to).</summary>
    public const string PageId = "pageId";

    /// <summary>The customer's page-scoped id (PSID), Send API <c>recipient.id</c>.</summary>
    public const string RecipientId = "recipientId";

    /// <summary>When the customer's last message arrived, ISO 8601 round-trip: the messaging window runs from it.</summary>
    public const string LastMessageAt = "lastMessageAt";

    /// <summary>The comment answered.</summary>
    public const string CommentId = "commentId";

    /// <summary>Messenger's standard messaging window after the customer's last message.</summary>
    public static readonly TimeSpan StandardWindow = TimeSpan.FromHours(24);

    /// <summary>The window of a message tagged <c>HUMAN_AGENT</c> (the page must have the Human Agent permission).</summary>
    public static readonly TimeSpan HumanAgentWindow = TimeSpan.FromDays(7);
}
