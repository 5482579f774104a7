using System.Buffers;
using System.Globalization;
using Microsoft.Extensions.Options;
using SyncHub.Accounts;
using SyncHub.Domain;
using SyncHub.Pipeline;
using SyncHub.Storage;

namespace SyncHub.Workflow;

/// <summary>
/// When a hotline call becomes a ticket, a short follow-up goes to the caller by e-mail (through the outbox) when the
/// directory knows an address; the history records it either way. Both are written with the ticket, in its creation
/// (an <see cref="ITicketCreationHook"/>: no second store call), so once per ticket. The mail's <c>{summary}</c> is the
/// customer-facing summary the agent marked in the call notes (<see cref="CallDiagnostics.CustomerSummary"/>), else the
/// configured <see cref="CallFollowUpOptions.Summary"/>: the agent's notes (the ticket's body) are internal and never go
/// to the caller. A call threaded onto an existing ticket gets none.
/// </summary>
public sealed class CallFollowUp(ITicketStore store, IContactLookup contacts, IOptions<CallFollowUpOptions> options, TimeProvider time) : ITicketCreationHook
{
    public const string HistoryType = "call-follow-up";

    public async ValueTask<object?> AddAsync(IntakeRecord record, Ticket ticket, TicketAdditions additions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(additions);
        var settings = options.Value;
        if (!settings.Enabled || record.Channel != Channel.Phone)
        {
            return null;
        }

        var email = await contacts.FindEmailAsync(record.Requester, cancellationToken);
        var (entry, mail) = FollowUp(record, ticket, email, TicketCreation.NumberPlaceholder, ticket.CreatedAt, settings);
        additions.Add(entry);
        if (mail is not null)
        {
            additions.Add(mail);
        }

        return new CallerAddress(email);
    }

    /// <summary>
    /// Nothing when the follow-up was written with the ticket or the call was threaded. Otherwise (the lookup failed before
    /// the creation, or a replayed call whose ticket lacks the follow-up) it is written onto the stored ticket, once, with
    /// the address found before the creation (looked up again only when that failed).
    /// </summary>
    public Task OnStoredAsync(IntakeRecord record, CreateResult result, bool written, object? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(result);
        var settings = options.Value;
        return written || !settings.Enabled || record.Channel != Channel.Phone || result.Outcome == CreateOutcome.Threaded
            ? Task.CompletedTask
            : WriteLaterAsync(record, result, state, settings, cancellationToken);
    }

    // Apart from OnStoredAsync: its closure is made on entry, which a record with nothing to write should not pay.
    private async Task WriteLaterAsync(IntakeRecord record, CreateResult result, object? state, CallFollowUpOptions settings, CancellationToken cancellationToken)
    {
        // The address looked up before the creation, unless that look-up failed.
        var email = state is CallerAddress known ? known.Email : await contacts.FindEmailAsync(record.Requester, cancellationToken);
        var now = time.GetUtcNow();
        await store.UpdateAsync(
            result.TicketId,
            ticket =>
            {
                if (ticket.History.Any(h => h.Type == HistoryType))
                {
                    return null;
                }

                var (entry, mail) = FollowUp(record, ticket, email, ticket.Number.ToString(CultureInfo.InvariantCulture), now, settings);
                return mail is null
                    ? new TicketChange(ticket, [entry], [])
                    : new TicketChange(ticket with { UpdatedAt = now }, [entry], [mail]);
            },
            cancellationToken);
    }

    /// <summary>The caller's address as looked up before the creation (null: none is known).</summary>
    private sealed record CallerAddress(string? Email);

    /// <summary>
    /// The history line and, when <paramref name="email"/> is known, the mail; <paramref name="number"/> is how the texts
    /// name the ticket's number (<see cref="TicketCreation.NumberPlaceholder"/> before the ticket has one).
    /// </summary>
    private static (HistoryEntry Entry, OutboxEvent? Mail) FollowUp(
        IntakeRecord record, Ticket ticket, string? email, string number, DateTimeOffset now, CallFollowUpOptions settings)
    {
        if (email is null)
        {
            return (new HistoryEntry(now, HistoryType, $"No follow-up e-mail: no address is known for {record.Requester.Phone ?? "the caller"}"), null);
        }

        var name = TicketCreation.Literal(ticket.Requester.Name ?? ticket.Account?.Name ?? "there");
        var summary = CustomerSummary(record, ticket, settings, number, name);
        var subject = TicketCreation.Literal(ticket.Subject);
        string Fill(string template) => FillIn(
            TicketCreation.Literal(template), ("{number}", number), ("{subject}", subject), ("{summary}", summary), ("{name}", name));
        var mail = new OutboxEvent
        {
            Id = $"{ticket.Id}:call-follow-up",
            Type = MailEvents.FollowUp,
            TicketId = ticket.Id,
            CreatedAt = now,
            Data = new SmallMap(4)
            {
                [MailEvents.To] = TicketCreation.Literal(email),
                [MailEvents.Subject] = Fill(settings.Subject),
                [MailEvents.Body] = Fill(settings.Body),
                [MailEvents.Automatic] = "true",
            },
        };
        var entry = new HistoryEntry(now, HistoryType, $"Follow-up e-mail queued to {email}", new SmallMap(2) { ["to"] = email, ["eventId"] = mail.Id });
        return (entry, mail);
    }

    /// <summary>
    /// The summary the caller is sent: the text the agent marked for the caller, else <see cref="CallFollowUpOptions.Summary"/>
    /// filled from the call's time, length and agent. Never the ticket's body.
    /// </summary>
    private static string CustomerSummary(IntakeRecord record, Ticket ticket, CallFollowUpOptions settings, string number, string name)
    {
        if (Diagnostic(record, ticket, CallDiagnostics.CustomerSummary) is { } marked)
        {
            return TicketCreation.Literal(marked);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone.Trim());
        var at = TimeZoneInfo.ConvertTime(record.ReceivedAt, zone);
        var duration = long.TryParse(Diagnostic(record, ticket, CallDiagnostics.Duration), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? Length(seconds)
            : "";
        return FillIn(
            TicketCreation.Literal(settings.Summary),
            ("{date}", at.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)),
            ("{duration}", duration),
            ("{agent}", TicketCreation.Literal(Diagnostic(record, ticket, CallDiagnostics.Agent) ?? "our support agent")),
            ("{number}", number),
            ("{name}", name)).Trim();
    }

    /// <summary>
    /// <paramref name="template"/> with each placeholder replaced by its value, in one pass: a value goes in as it is (a
    /// caller's text that looks like a placeholder is not filled in turn), and a brace that starts no placeholder stays.
    /// </summary>
    private static string FillIn(string template, params ReadOnlySpan<(string Placeholder, string Value)> values)
    {
        var length = Filled(template, values, []);
        var buffer = ArrayPool<char>.Shared.Rent(length);
        try
        {
            Filled(template, values, buffer);
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The length of <paramref name="template"/> filled in, written into <paramref name="output"/> unless it is empty.</summary>
    private static int Filled(string template, ReadOnlySpan<(string Placeholder, string Value)> values, Span<char> output)
    {
        var length = 0;
        for (var i = 0; i < template.Length;)
        {
            var piece = template.AsSpan(i, 1);
            var skip = 1;
            if (template[i] == '{')
            {
                foreach (var (placeholder, value) in values)
                {
                    if (template.AsSpan(i).StartsWith(placeholder, StringComparison.Ordinal))
                    {
                        piece = value;
                        skip = placeholder.Length;
                        break;
                    }
                }
            }

            if (!output.IsEmpty)
            {
                piece.CopyTo(output[length..]);
            }

            length += piece.Length;
            i += skip;
        }

        return length;
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
