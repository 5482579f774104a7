namespace SyncHub.Domain;

/// <summary>Where an agent's reply stands: queued in the outbox, sent (with the tool's id of the message), or failed for good.</summary>
public sealed record ReplyDelivery
{
    public required ReplyState State { get; init; }

    /// <summary>The outbox event type that carries it (<c>email.reply</c>, <c>x.reply</c>...).</summary>
    public required string Via { get; init; }

    /// <summary>Where it goes, as the reply box said: "e-mail to ana@example.com", "public reply to @ana on X".</summary>
    public string? Destination { get; init; }

    /// <summary>When the state was reached.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The tool's id of the sent message (tweet id, Messenger message id, Message-ID), when it gave one.</summary>
    public string? ToolMessageId { get; init; }

    /// <summary>Why it failed, in the tool's words.</summary>
    public string? Reason { get; init; }
}
