using System.Globalization;
using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Testing.Storage;

/// <summary>
/// Builds <see cref="TicketCreation"/> values shaped like the ones <c>TicketFactory</c> makes (created,
/// routed and SLA history entries, a <c>ticket.created</c> outbox event, the threaded entry), with the time
/// taken from <paramref name="time"/> and a fresh id and external id each call unless given.
/// </summary>
public sealed class SampleRecords(TimeProvider time)
{
    public const string DefaultSource = "WebForm";

    private int sequence;

    public TicketCreation Creation(
        string? externalId = null,
        string source = DefaultSource,
        Channel channel = Channel.Web,
        Department department = Department.Community,
        TicketStatus status = TicketStatus.Open,
        Priority priority = Priority.Medium,
        string? threadKey = null,
        string? body = null,
        SlaStamp? sla = null,
        TimeSpan? threadWindow = null)
    {
        var n = Interlocked.Increment(ref sequence).ToString(CultureInfo.InvariantCulture);
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString("N");
        externalId ??= $"ext-{n}-{id[^8..]}";
        var ticket = new Ticket
        {
            Id = id,
            Channel = channel,
            Source = source,
            ExternalId = externalId,
            ThreadKey = threadKey,
            ThreadWindow = threadWindow,
            Subject = $"Sample request {n}",
            Body = body ?? $"The export button does nothing (sample {n}).",
            Requester = new Requester("Ana Souza", $"ana{n}@example.com", "+55 11 5555-0100", null),
            Account = new AccountSnapshot($"crm-{n}", "Example Ltda", "Gold", "Active Customer"),
            Priority = priority,
            Department = department,
            Team = "remote",
            Status = status,
            Sla = sla,
            Diagnostics = new Dictionary<string, string> { ["clientVersion"] = "6.4.1", ["platform"] = "linux" },
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };

        IReadOnlyList<HistoryEntry> history =
        [
            new(now, HistoryTypes.Created, $"Created from {channel} ({source})", new Dictionary<string, string>
            {
                ["channel"] = channel.ToString(),
                ["source"] = source,
                ["externalId"] = externalId,
            }),
            new(now, HistoryTypes.Routed, $"Priority {priority}. Department {department}.", new Dictionary<string, string>
            {
                ["priority"] = priority.ToString(),
                ["department"] = department.ToString(),
            }),
            new(now, HistoryTypes.SlaStamped, sla is null ? "No SLA: best effort" : $"SLA {sla.Policy}"),
        ];

        var created = new OutboxEvent
        {
            Id = $"{id}:created",
            Type = OutboxEventTypes.TicketCreated,
            TicketId = id,
            CreatedAt = now,
            Data = new Dictionary<string, string> { ["channel"] = channel.ToString(), ["source"] = source },
        };

        var threaded = new HistoryEntry(now, HistoryTypes.Threaded, $"Follow-up from {channel} ({source})", new Dictionary<string, string>
        {
            ["channel"] = channel.ToString(),
            ["source"] = source,
            ["externalId"] = externalId,
        });

        return new TicketCreation(ticket, history, [created], threaded);
    }

    /// <summary>A note history entry, as an agent's update would add.</summary>
    public HistoryEntry Note(string message) => new(time.GetUtcNow(), HistoryTypes.Note, message);

    /// <summary>An outbox event for an update of <paramref name="ticket"/>.</summary>
    public OutboxEvent Updated(Ticket ticket, string what) => new()
    {
        Id = $"{ticket.Id}:{what}",
        Type = OutboxEventTypes.TicketUpdated,
        TicketId = ticket.Id,
        CreatedAt = time.GetUtcNow(),
        Data = new Dictionary<string, string> { ["what"] = what },
    };
}
