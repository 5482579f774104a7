using System.Globalization;
using Microsoft.Extensions.Options;
using SyncHub.Accounts;
using SyncHub.Domain;
using SyncHub.Pipeline;
using SyncHub.Storage;

namespace SyncHub.Workflow;

/// <summary>
/// After a hotline call becomes a ticket, a short follow-up goes to the caller by e-mail (through the outbox)
/// when the directory knows an address; the history records it either way. Once per ticket.
/// </summary>
public sealed class CallFollowUp(ITicketStore store, IContactLookup contacts, IOptions<CallFollowUpOptions> options, TimeProvider time) : ITicketCreatedHook
{
    public const string HistoryType = "call-follow-up";

    public async Task OnCreatedAsync(IntakeRecord record, CreateResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(result);
        var settings = options.Value;
        if (!settings.Enabled || record.Channel != Channel.Phone || result.Outcome == CreateOutcome.Threaded)
        {
            return;
        }

        var email = await contacts.FindEmailAsync(record.Requester, cancellationToken);
        var now = time.GetUtcNow();
        await store.UpdateAsync(
            result.TicketId,
            ticket =>
            {
                if (ticket.History.Any(h => h.Type == HistoryType))
                {
                    return null;
                }

                if (email is null)
                {
                    var note = new HistoryEntry(now, HistoryType, $"No follow-up e-mail: no address is known for {record.Requester.Phone ?? "the caller"}");
                    return new TicketChange(ticket, [note], []);
                }

                var summary = string.IsNullOrWhiteSpace(ticket.Body) ? ticket.Subject : ticket.Body;
                string Fill(string template) => template
                    .Replace("{number}", ticket.Number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{subject}", ticket.Subject, StringComparison.Ordinal)
                    .Replace("{summary}", summary, StringComparison.Ordinal)
                    .Replace("{name}", ticket.Requester.Name ?? ticket.Account?.Name ?? "there", StringComparison.Ordinal);
                var mail = new OutboxEvent
                {
                    Id = $"{ticket.Id}:call-follow-up",
                    Type = MailEvents.FollowUp,
                    TicketId = ticket.Id,
                    TicketNumber = ticket.Number,
                    CreatedAt = now,
                    Data = new Dictionary<string, string>
                    {
                        [MailEvents.To] = email,
                        [MailEvents.Subject] = Fill(settings.Subject),
                        [MailEvents.Body] = Fill(settings.Body),
                        [MailEvents.Automatic] = "true",
                    },
                };
                var entry = new HistoryEntry(now, HistoryType, $"Follow-up e-mail queued to {email}", new Dictionary<string, string> { ["to"] = email, ["eventId"] = mail.Id });
                return new TicketChange(ticket with { UpdatedAt = now }, [entry], [mail]);
            },
            cancellationToken);
    }
}
