namespace SyncHub.Domain;

/// <summary>
/// The outbox event asking to post an agent's answer to an app-store review (through AppFollow).
/// <see cref="OutboxEvent.Data"/> carries these keys.
/// </summary>
public static class ReviewEvents
{
    public const string Reply = "review.reply";

    public const string Text = "text";

    /// <summary>The review's id in the tool (the ticket's external id).</summary>
    public const string ReviewId = "reviewId";
}
