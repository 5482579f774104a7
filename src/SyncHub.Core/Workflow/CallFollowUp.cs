using System.Globalization;
using Microsoft.Extensions.Options;
using SyncHub.Accounts;
using SyncHub.Domain;
using SyncHub.Pipeline;
using SyncHub.Storage;

namespace SyncHub.Workflow;

/// <summary>
/// After a hotline call becomes a ticket, a short follow-up goes to the caller by e-mail (through the outbox)
/// when the directory knows an address; the history records it either way. Once per ticket. The mail's
/// <c>{summary}</c> is the customer-facing summary the agent marked in the call notes
/// (<see cref="CallDiagnostics.CustomerSummary"/>), else the configured <see cref="CallFollowUpOptions.Summary"/>:
/// the agent's notes (the ticket's body) are internal and never go to the caller.
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

                var summary = CustomerSummary(record, ticket, settings);
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

    /// <summary>
    /// The summary the caller is sent: the text the agent marked for the caller, else <see cref="CallFollowUpOptions.Summary"/>
    /// filled from the call's time, length and agent. Never the ticket's body.
    /// </summary>
    private static string CustomerSummary(IntakeRecord record, Ticket ticket, CallFollowUpOptions settings)
    {
        if (Diagnostic(record, ticket, CallDiagnostics.CustomerSummary) is { } marked)
        {
            return marked;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone.Trim());
        var at = TimeZoneInfo.ConvertTime(record.ReceivedAt, zone);
        var duration = long.TryParse(Diagnostic(record, ticket, CallDiagnostics.Duration), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? Length(seconds)
            : "";
        return settings.Summary
            .Replace("{date}", at.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{duration}", duration, StringComparison.Ordinal)
            .Replace("{agent}", Diagnostic(record, ticket, CallDiagnostics.Agent) ?? "our support agent", StringComparison.Ordinal)
            .Replace("{number}", ticket.Number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{name}", ticket.Requester.Name ?? ticket.Account?.Name ?? "there", StringComparison.Ordinal)
            .Trim();
    }

    private static string? Diagnostic(IntakeRecord record, Ticket ticket, string key) =>
        record.Diagnostics.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim()
        : ticket.Diagnostics.TryGetValue(key, out value) && !string.IsNullOrWhiteSpace(value) ? value.Trim()
        : null;

    /// <summary>A call length for a person: <c>45 s</c>, <c>3 min 4 s</c>, <c>1 h 2 min</c>.</summary>
    private static string Length(long seconds) => seconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds} s"),
        < 3600 when seconds % 60 == 0 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60} min"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60} min {seconds % 60} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600} h {seconds % 3600 / 60} min"),
    };
}
