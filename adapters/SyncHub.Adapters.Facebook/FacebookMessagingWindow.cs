namespace SyncHub.Adapters.Facebook;

/// <summary>
/// Whether Messenger still takes an answer, and how it must be sent: within 24 hours of the customer's last message as a
/// <c>RESPONSE</c>; up to 7 days with the <c>HUMAN_AGENT</c> tag when the page may use it; otherwise not at all.
/// </summary>
/// <param name="MessagingType">Send API <c>messaging_type</c>, or null when the window is closed.</param>
/// <param name="Tag">The message tag, when one is needed.</param>
/// <param name="Refusal">Why the answer cannot go, when the window is closed.</param>
internal sealed record FacebookMessagingWindow(string? MessagingType, string? Tag, string? Refusal)
{
    public const string Response = "RESPONSE";

    public const string MessageTag = "MESSAGE_TAG";

    public const string HumanAgent = "HUMAN_AGENT";

    /// <summary>
    /// The window at <paramref name="now"/> after a customer message at <paramref name="lastMessageAt"/> (unknown: sent as a
    /// response, and Messenger judges).
    /// </summary>
    public static FacebookMessagingWindow At(DateTimeOffset? lastMessageAt, DateTimeOffset now, bool humanAgentTag)
    {
        if (lastMessageAt is not { } last || now - last <= FacebookReplyEvents.StandardWindow)
        {
            return new(Response, null, null);
        }

        if (humanAgentTag && now - last <= FacebookReplyEvents.HumanAgentWindow)
        {
            return new(MessageTag, HumanAgent, null);
        }

        var closed = last + (humanAgentTag ? FacebookReplyEvents.HumanAgentWindow : FacebookReplyEvents.StandardWindow);
        return new(
            null,
            null,
            humanAgentTag
                ? $"Messenger's window for this conversation closed at {closed:O}: the HUMAN_AGENT tag allows answers up to 7 days after the customer's last message; the customer must write again"
                : $"Messenger's 24-hour window for this conversation closed at {closed:O}; the customer must write again (or the page needs the Human Agent permission and {FacebookOptions.Section}:{nameof(FacebookOptions.UseHumanAgentTag)}=true, which allows 7 days)");
    }

    public bool IsOpen => Refusal is null;
}
