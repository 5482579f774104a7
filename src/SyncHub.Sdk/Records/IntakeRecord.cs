namespace SyncHub.Domain;

/// <summary>
/// One request read from an external tool, before it becomes a ticket. <see cref="Source"/> plus
/// <see cref="ExternalId"/> is the idempotency key: the same pair never makes a second ticket.
/// </summary>
public sealed record IntakeRecord
{
    /// <summary>The adapter name (the configuration key), e.g. <c>WebForm</c>, <c>Email</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The tool's own id (Message-ID, tweet id, call id...), or a stable content hash where it has none.</summary>
    public required string ExternalId { get; init; }

    /// <summary>
    /// A conversation key: a record whose thread key belongs to an existing ticket is appended to that
    /// ticket's history instead of opening a new ticket. Null for a record that always opens a ticket.
    /// </summary>
    public string? ThreadKey { get; init; }

    /// <summary>
    /// When set, the record threads only onto a ticket of its thread key that is not Closed and was updated within
    /// this window (a Solved one reopens); otherwise it opens a new ticket, which takes the thread key
    /// over (messages of one sender within a conversation window). Null: the thread key never expires.
    /// </summary>
    public TimeSpan? ThreadWindow { get; init; }

    public required Channel Channel { get; init; }

    public Requester Requester { get; init; } = Requester.Unknown;

    public string Subject { get; init; } = "";

    public string Body { get; init; } = "";

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>What the channel tells about the client: client or app version, platform, device, rating...</summary>
    public IReadOnlyDictionary<string, string> Diagnostics { get; init; } = new Dictionary<string, string>();

    /// <summary>The priority the sender asked for (the web form field), if any.</summary>
    public Priority? PriorityHint { get; init; }

    /// <summary>A product or plan the sender named, if any.</summary>
    public string? Product { get; init; }

    /// <summary>A department the source suggests (a livechat department), if any.</summary>
    public string? DepartmentHint { get; init; }

    /// <summary>How an agent's answer goes back to this sender (see <see cref="Domain.ReplyRoute"/>); null: by e-mail to the requester.</summary>
    public ReplyRoute? ReplyRoute { get; init; }

    /// <summary>The key of this record in the idempotency index.</summary>
    public string IdempotencyKey => $"{Source}:{ExternalId}";
}
