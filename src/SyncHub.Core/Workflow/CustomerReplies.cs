using Microsoft.Extensions.Options;
using SyncHub.Domain;
using SyncHub.Pipeline;
using SyncHub.Sla;
using SyncHub.Storage;

namespace SyncHub.Workflow;

/// <summary>
/// What a customer's message does to the ticket it threads onto: the answer route becomes the message's own (the reply
/// goes to the latest message), the ticket is marked "customer replied", and a waiting ticket (Pending, or Solved within
/// the reopen window) is set back to Open with its SLA clock running and a next-response target, the reason in the
/// history. A message that opened a new ticket because its conversation's ticket was closed links the two. Runs after
/// the store step and again on a replayed record; each change carries an action key, so it happens once.
/// </summary>
public sealed class CustomerReplies(
    ITicketStore store,
    SlaTable table,
    IOptions<SlaOptions> sla,
    TimeProvider time) : ITicketCreatedHook
{
    public Task OnCreatedAsync(IntakeRecord record, CreateResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(result);
        if (result is { Outcome: CreateOutcome.Created, FollowsUp: { } earlier })
        {
            return LinkAsync(result.TicketId, earlier, cancellationToken);
        }

        return result.Outcome is CreateOutcome.Threaded or CreateOutcome.Duplicate
            ? AnsweredAsync(record, result.TicketId, cancellationToken)
            : Task.CompletedTask;
    }

    // Its closure (over the record) is made on entry: apart, so that a new ticket (nearly every record) pays for none.
    private Task AnsweredAsync(IntakeRecord record, string ticketId, CancellationToken cancellationToken) =>
        store.UpdateAsync(ticketId, ticket => Answered(ticket, record, time.GetUtcNow()), cancellationToken);

    /// <summary>The change a customer's message makes to <paramref name="ticket"/>; null for the record that opened it.</summary>
    public TicketChange? Answered(Ticket ticket, IntakeRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(record);
        if (ticket.Source == record.Source && ticket.ExternalId == record.ExternalId)
        {
            // A replay of the message that opened the ticket: not an answer.
            return null;
        }

        var updated = ticket with { ReplyRoute = record.ReplyRoute ?? ticket.ReplyRoute, CustomerReplied = true, UpdatedAt = now };
        var history = new List<HistoryEntry>();
        if (ticket.Status is TicketStatus.Pending or TicketStatus.Solved)
        {
            var next = NextResponse(ticket);
            updated = updated with
            {
                Status = TicketStatus.Open,
                SolvedAt = null,
                Sla = ticket.Sla is null ? null : SlaClock.Reopen(ticket.Sla, now, next, next is { } target ? table.AtRiskAfter(target) : null, table.Calendars),
            };
            var data = new Dictionary<string, string>
            {
                ["from"] = ticket.Status.ToString(),
                ["to"] = nameof(TicketStatus.Open),
                ["channel"] = record.Channel.ToString(),
                ["externalId"] = record.ExternalId,
            };
            if (ticket.Sla?.FirstRespondedAt is { } responded)
            {
                data["previousResponseAt"] = responded.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            }

            var clock = next is null ? "SLA clock resumed" : $"SLA clock resumed; next response due within {next}";
            history.Add(new HistoryEntry(now, HistoryTypes.Reopened, $"Reopened: the customer answered while it was {ticket.Status} ({clock})", data));
        }

        return new TicketChange(updated, history, []) { ActionKey = $"customer:{record.IdempotencyKey}" };
    }

    /// <summary>The next-response target: <c>SyncHub:Sla:NextResponse</c> of the priority, else the row's first-response target.</summary>
    private TimeSpan? NextResponse(Ticket ticket) =>
        sla.Value.NextResponse.TryGetValue(ticket.Priority, out var configured) ? configured : ticket.Sla?.FirstResponseTarget;

    private async Task LinkAsync(string ticketId, string earlierId, CancellationToken cancellationToken)
    {
        var earlier = await store.GetAsync(earlierId, cancellationToken);
        var now = time.GetUtcNow();
        await store.UpdateAsync(
            ticketId,
            ticket =>
            {
                var tag = earlier is null ? earlierId : earlier.Tag;
                var state = earlier is null ? "closed" : earlier.Status.ToString();
                var entry = new HistoryEntry(now, HistoryTypes.Linked, $"Follows up {tag}: the customer wrote again after it was {state}", new Dictionary<string, string>
                {
                    ["ticketId"] = earlierId,
                    ["number"] = earlier?.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                });
                return new TicketChange(ticket with { LinkedTicketId = earlierId, UpdatedAt = now }, [entry], []) { ActionKey = "linked" };
            },
            cancellationToken);
    }
}
