namespace SyncHub.Domain;

/// <summary>
/// How an agent's answer goes back into the conversation a record belongs to, set by the source that read it: the
/// outbox event type the tool's notifier delivers and the data that notifier needs (the recipient, the message to
/// answer). The core copies <see cref="Data"/> into the reply's event and adds the agent's text under
/// <see cref="TextKey"/>; the event's <see cref="OutboxEvent.Id"/> is the delivery id the tool deduplicates on where it
/// can. A customer message that threads onto a ticket replaces its route, so the answer goes to the latest message.
/// Null on a record: the core answers by e-mail to the requester's address (or not at all).
/// </summary>
public sealed record ReplyRoute
{
    /// <summary>The key of the agent's text in the reply event's data.</summary>
    public const string TextKey = "text";

    /// <summary>The key the core sets to "true" when the agent explicitly asked to replace an answer already given.</summary>
    public const string ReplaceKey = "replace";

    /// <summary>The outbox event type of the reply, e.g. <c>x.reply</c>; a notifier's <c>Handles</c> recognises it.</summary>
    public required string EventType { get; init; }

    /// <summary>What the notifier needs besides the text: ids of the recipient or the message answered. No secret.</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the answer goes, for the agent's reply box: "public reply to @ana on X", "Messenger to Ana Souza".</summary>
    public required string Destination { get; init; }

    /// <summary>
    /// The configuration that enables the notifier of <see cref="EventType"/> (e.g. <c>SyncHub:Adapters:Twitter:UserAccessToken</c>),
    /// named in the refusal when no enabled notifier delivers it.
    /// </summary>
    public required string Setting { get; init; }

    /// <summary>
    /// The last instant the tool accepts an answer (Messenger's 24-hour window, longer with the human-agent tag); null
    /// when it never closes. After it the core refuses the reply, naming the instant.
    /// </summary>
    public DateTimeOffset? Until { get; init; }
}
