using System.Collections.ObjectModel;
using System.Globalization;
using Microsoft.Extensions.Options;
using SyncHub.Domain;
using SyncHub.Policies;
using SyncHub.Sla;
using SyncHub.Storage;
using SyncHub.Workflow;

namespace SyncHub.Pipeline;

/// <summary>
/// Turns an intake record into what the store writes: account lookup, priority, SLA stamp, department and
/// assignment, each decision explained in the history, and a <c>ticket.created</c> outbox event.
/// </summary>
public sealed class TicketFactory(
    IAccountDirectory accounts,
    IPriorityPolicy priorityPolicy,
    ISlaPolicy slaPolicy,
    IDepartmentPolicy departmentPolicy,
    IAssignmentPolicy assignmentPolicy,
    IOptions<ConversationOptions> conversations,
    TimeProvider time)
{
    private static readonly HistoryEntry NotThreaded = new(DateTimeOffset.UnixEpoch, HistoryTypes.Threaded, "");

    private static readonly RecurringValues<(string Channel, string Source), string> CreatedTexts =
        new(static p => $"Created from {p.Channel} ({p.Source})");

    private static readonly RecurringValues<(string Priority, string PriorityReason, string Department, string DepartmentReason), string> RoutedTexts =
        new(static p => $"Priority {p.Priority}: {p.PriorityReason}. Department {p.Department}: {p.DepartmentReason}.");

    private static readonly RecurringValues<(string? Policy, string Reason), string> SlaTexts =
        new(static p => p.Policy is null ? $"No SLA: {p.Reason}" : $"SLA {p.Policy}: {p.Reason}");

    public async Task<TicketCreation> CreateAsync(IntakeRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var now = time.GetUtcNow();
        var account = await accounts.FindAsync(record.Requester, cancellationToken);
        var context = new TicketContext(record, account, now);

        var priority = priorityPolicy.Decide(context);
        var sla = slaPolicy.Stamp(context, priority.Value);
        var answeredAt = AnsweredAt(record);
        var stamp = sla.Value is { } given && answeredAt is { } answered ? SlaClock.RecordFirstResponse(given, answered) : sla.Value;
        var department = departmentPolicy.Route(context, sla.Value);
        var assignment = assignmentPolicy.Assign(context);

        var (channel, priorityName, departmentName) = (EnumText.Name(record.Channel), EnumText.Name(priority.Value), EnumText.Name(department.Value));
        var id = Guid.CreateVersion7(now).ToString("N");
        var ticket = new Ticket
        {
            Id = id,
            Channel = record.Channel,
            Source = record.Source,
            ExternalId = record.ExternalId,
            ThreadKey = record.ThreadKey,
            ThreadWindow = record.ThreadWindow,
            ReplyRoute = record.ReplyRoute,
            Subject = record.Subject,
            Body = record.Body,
            Requester = record.Requester,
            Account = account,
            Priority = priority.Value,
            Department = department.Value,
            Team = assignment.Value.Team,
            Assignee = assignment.Value.Assignee,
            Status = TicketStatus.Open,
            Sla = stamp,
            Diagnostics = record.Diagnostics,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };

        // Collections are sized up front: grown from empty, each would allocate its arrays twice.
        var history = new List<HistoryEntry>(5)
        {
            new(now, HistoryTypes.Created, CreatedTexts[(channel, record.Source)], new SmallMap(4)
            {
                ["channel"] = channel,
                ["source"] = record.Source,
                ["externalId"] = record.ExternalId,
                ["receivedAt"] = record.ReceivedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            }),
            new(now, HistoryTypes.Routed, RoutedTexts[(priorityName, priority.Reason, departmentName, department.Reason)],
                RoutingData(account, priorityName, departmentName, assignment.Value)),
            new(now, HistoryTypes.SlaStamped, SlaTexts[(sla.Value?.Policy, sla.Reason)],
                SlaData(sla.Value)),
        };
        if (answeredAt is { } storeAnswer)
        {
            history.Add(new(storeAnswer, HistoryTypes.Reply, "Answered in the store before SyncHub saw it", new SmallMap(2)
            {
                ["message"] = record.Diagnostics.GetValueOrDefault(ReviewDiagnostics.AnswerText, ""),
                ["via"] = "store",
            }));
        }

        if (account is null)
        {
            history.Add(new(now, HistoryTypes.Note, "The requester is not in the CRM directory: created as Community with no contractual SLA."));
        }

        var created = new OutboxEvent
        {
            Id = $"{id}:created",
            Type = OutboxEventTypes.TicketCreated,
            TicketId = id,
            CreatedAt = now,
            Data = new SmallMap(4)
            {
                ["channel"] = channel,
                ["source"] = record.Source,
                ["priority"] = priorityName,
                ["department"] = departmentName,
            },
        };

        // Only a record with a thread key can be threaded; the others skip building an entry that repeats the body.
        var threaded = record.ThreadKey is null ? NotThreaded : new HistoryEntry(now, HistoryTypes.Threaded, $"Follow-up from {channel} ({record.Source})", new SmallMap(6)
        {
            ["channel"] = channel,
            ["source"] = record.Source,
            ["externalId"] = record.ExternalId,
            ["subject"] = record.Subject,
            ["body"] = record.Body,
            ["from"] = record.Requester.Email ?? record.Requester.Handle ?? record.Requester.Phone ?? record.Requester.Name ?? "",
        });

        return new TicketCreation(ticket, history, [created], threaded) { ReopenWindow = conversations.Value.ReopenWindow };
    }

    /// <summary>When the record's conversation was already answered in the tool (an app-store answer), if it says.</summary>
    private static DateTimeOffset? AnsweredAt(IntakeRecord record) =>
        record.Diagnostics.TryGetValue(ReviewDiagnostics.AnsweredAt, out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    private static SmallMap RoutingData(AccountSnapshot? account, string priority, string department, Assignment assignment)
    {
        var data = new SmallMap(2 + (account is null ? 0 : 2) + (assignment.Team is null ? 0 : 1) + (assignment.Assignee is null ? 0 : 1))
        {
            ["priority"] = priority,
            ["department"] = department,
        };
        if (account is not null)
        {
            data["crmId"] = account.CrmId;
            data["account"] = account.Name;
        }

        if (assignment.Team is not null)
        {
            data["team"] = assignment.Team;
        }

        if (assignment.Assignee is not null)
        {
            data["assignee"] = assignment.Assignee;
        }

        return data;
    }

    private static IReadOnlyDictionary<string, string> SlaData(SlaStamp? sla)
    {
        if (sla is null)
        {
            return SmallMap.Empty;
        }

        var data = new SmallMap(3) { ["policy"] = sla.Policy };
        if (sla.FirstResponseDueAt is { } firstResponse)
        {
            data["firstResponseDueAt"] = firstResponse.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        }

        if (sla.ResolutionDueAt is { } resolution)
        {
            data["resolutionDueAt"] = resolution.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        }

        return data;
    }
}
