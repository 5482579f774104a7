using System.Collections.ObjectModel;

namespace SyncHub.Domain;

/// <summary>A support ticket: one per external request, stamped at creation with priority, SLA and department.</summary>
public sealed record Ticket
{
    /// <summary>Opaque, time-ordered id used in URLs.</summary>
    public required string Id { get; init; }

    /// <summary>The human number shown to agents and customers (<c>#10423</c>); assigned by the store.</summary>
    public long Number { get; init; }

    public required Channel Channel { get; init; }

    public required string Source { get; init; }

    public required string ExternalId { get; init; }

    public string? ThreadKey { get; init; }

    /// <summary>The thread window of the record that opened the ticket (see <see cref="IntakeRecord.ThreadWindow"/>).</summary>
    public TimeSpan? ThreadWindow { get; init; }

    public string Subject { get; init; } = "";

    public string Body { get; init; } = "";

    public Requester Requester { get; init; } = Requester.Unknown;

    public AccountSnapshot? Account { get; init; }

    public Priority Priority { get; init; } = Priority.Medium;

    public Department Department { get; init; } = Department.Community;

    public string? Team { get; init; }

    public string? Assignee { get; init; }

    public TicketStatus Status { get; init; } = TicketStatus.Open;

    public SlaStamp? Sla { get; init; }

    /// <summary>How an agent's answer goes back (the latest customer message's route); null: by e-mail to the requester.</summary>
    public ReplyRoute? ReplyRoute { get; init; }

    /// <summary>The agents' replies by outbox event id, with where each delivery stands (none: one shared empty instance).</summary>
    public IReadOnlyDictionary<string, ReplyDelivery> Replies { get; init; } = ReadOnlyDictionary<string, ReplyDelivery>.Empty;

    /// <summary>True from a customer's message on a ticket that was waiting (Pending or Solved) until an agent answers.</summary>
    public bool CustomerReplied { get; init; }

    /// <summary>When the ticket was last set Solved (null while it is not Solved): a customer's answer reopens it within the reopen window.</summary>
    public DateTimeOffset? SolvedAt { get; init; }

    /// <summary>The ticket this one follows up, when the customer wrote again after it was closed.</summary>
    public string? LinkedTicketId { get; init; }

    /// <summary>The ticket this one was merged into (it is then Closed, and its messages land on that one).</summary>
    public string? MergedInto { get; init; }

    public IReadOnlyDictionary<string, string> Diagnostics { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The investigation checklist the agents fill in (the support process's best practices).</summary>
    public InvestigationChecklist Checklist { get; init; } = InvestigationChecklist.Empty;

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Bumped by every stored change; updates check it so concurrent edits do not overwrite each other.</summary>
    public long Version { get; init; }

    public IReadOnlyList<HistoryEntry> History { get; init; } = [];

    /// <summary>The number as agents write it.</summary>
    public string Tag => $"#{Number}";
}
