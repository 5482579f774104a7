using System.Globalization;
using Microsoft.Extensions.Options;
using SyncHub.Domain;
using SyncHub.Sla;
using SyncHub.Storage;

namespace SyncHub.Workflow;

/// <summary>
/// What agents do to a ticket after creation: escalate it to a team (assign and notify in chat) and record
/// the closed-ticket follow-up. Each action is one store update: the ticket change, its history line and
/// its outbox events together.
/// </summary>
public sealed partial class TicketWorkflow(
    ITicketStore store,
    IOptions<EscalationOptions> escalation,
    SlaCalendars calendars,
    ReplyPlanner replies,
    SyncHub.Accounts.IContactLookup contacts,
    WorkflowMetrics metrics,
    TimeProvider time,
    SyncHub.Agents.IAgentDirectory agents,
    SlaRestamp restamp,
    SyncHub.Policies.IAccountDirectory accounts)
{
    public const int MaxReplyLength = 50_000;

    /// <summary>The longest note on an escalation or a follow-up.</summary>
    public const int MaxNoteLength = 10_000;

    /// <summary>The longest <c>by</c> (who acted) on any action.</summary>
    public const int MaxByLength = 200;

    /// <summary>The longest link on a follow-up.</summary>
    public const int MaxLinkLength = 2_000;

    /// <summary>The longest <c>Idempotency-Key</c>.</summary>
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>
    /// The action key a change carries (<see cref="TicketChange.ActionKey"/>): the action's name and the agent's
    /// <c>Idempotency-Key</c>, so one key reused on another route is another action. Null without a key.
    /// </summary>
    public static string? ActionKey(string action, string? idempotencyKey) =>
        string.IsNullOrWhiteSpace(idempotencyKey) ? null : $"{action}:{idempotencyKey.Trim()}";

    /// <summary>The problem with an <c>Idempotency-Key</c>, or null: at most 200 visible ASCII characters.</summary>
    public static string? IdempotencyKeyProblem(string? key) =>
        key is null || key.Length == 0 ? null
        : key.Length > MaxIdempotencyKeyLength || key.Any(c => c is < '!' or > '~')
            ? $"must be at most {MaxIdempotencyKeyLength} visible ASCII characters (a UUID is typical)"
            : null;

    /// <summary>
    /// Moves the ticket to <paramref name="status"/>. Pending pauses the SLA clock; leaving Pending resumes it
    /// with the working time that remained; Solved or Closed records the resolution.
    /// </summary>
    public async Task<WorkflowResult> ChangeStatusAsync(string ticketId, TicketStatus status, string? by, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        if (TooLong("by", by, MaxByLength) is { } invalid)
        {
            return invalid;
        }

        var now = time.GetUtcNow();
        var updated = await store.UpdateAsync(
            ticketId,
            ticket =>
            {
                if (ticket.Status == status)
                {
                    return null;
                }

                var sla = ticket.Sla;
                var clockNote = "";
                if (sla is not null)
                {
                    if (ticket.Status == TicketStatus.Pending)
                    {
                        sla = SlaClock.Resume(sla, now, calendars);
                        clockNote = " (SLA clock resumed)";
                    }

                    if (status == TicketStatus.Pending)
                    {
                        sla = SlaClock.Pause(sla, now);
                        clockNote = " (SLA clock paused)";
                    }
                    else if (status is TicketStatus.Solved or TicketStatus.Closed)
                    {
                        sla = SlaClock.RecordResolution(sla, now);
                    }
                }

                var data = new Dictionary<string, string> { ["from"] = ticket.Status.ToString(), ["to"] = status.ToString() };
                if (!string.IsNullOrWhiteSpace(by))
                {
                    data["by"] = by;
                }

                var entry = new HistoryEntry(now, HistoryTypes.StatusChanged, $"Status {ticket.Status} → {status}{clockNote}", data);
                var solvedAt = status == TicketStatus.Solved ? now : (DateTimeOffset?)null;
                return new TicketChange(ticket with { Status = status, Sla = sla, SolvedAt = solvedAt, UpdatedAt = now }, [entry], []) { ActionKey = ActionKey("status", idempotencyKey) };
            },
            cancellationToken);
        return updated is null ? WorkflowResult.NotFound() : WorkflowResult.Ok(updated);
    }

    /// <summary>
    /// Sends an agent's reply through the ticket's own channel (<see cref="ReplyPlanner"/>) via the outbox, records it in
    /// the history with its delivery state (queued; the outbox marks it sent or failed), meets the response target and
    /// clears "customer replied". A reply that cannot go is refused (409) and nothing is stored.
    /// </summary>
    public async Task<WorkflowResult> ReplyAsync(string ticketId, Reply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (string.IsNullOrWhiteSpace(reply.Message))
        {
            return WorkflowResult.Invalid("message", "is required");
        }

        if (reply.Message.Length > MaxReplyLength)
        {
            return WorkflowResult.Invalid("message", $"is longer than {MaxReplyLength} characters");
        }

        if (TooLong("by", reply.By, MaxByLength) is { } invalid)
        {
            return invalid;
        }

        // Most replies need nothing beyond the ticket; a hotline caller without an address of their own needs the CRM
        // contact's, looked up (once) only when the first plan says so.
        var result = await ReplyOnceAsync(ticketId, reply, contact: null, cancellationToken);
        if (result.NeedsContact is { } caller && await ContactAddressAsync(caller, cancellationToken) is { } contact)
        {
            result = await ReplyOnceAsync(ticketId, reply, contact, cancellationToken);
        }

        return result.Updated is null ? WorkflowResult.NotFound()
            : result.Refusal is null ? WorkflowResult.Ok(result.Updated)
            : WorkflowResult.Conflict(result.Refusal);
    }

    private async Task<(Ticket? Updated, string? Refusal, Ticket? NeedsContact)> ReplyOnceAsync(string ticketId, Reply reply, string? contact, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        string? refusal = null;
        Ticket? needsContact = null;
        var updated = await store.UpdateAsync(
            ticketId,
            ticket =>
            {
                var plan = replies.Plan(ticket, reply, now, contact);
                refusal = plan.Refusal;
                needsContact = plan.Event is null && contact is null && NeedsContact(ticket) ? ticket : null;
                if (plan.Event is not { } outbound)
                {
                    return null;
                }

                var data = new Dictionary<string, string> { ["eventId"] = outbound.Id, ["via"] = outbound.Type, ["message"] = reply.Message };
                AddIfPresent(data, "to", plan.Destination);
                AddIfPresent(data, "by", reply.By);
                var entry = new HistoryEntry(now, HistoryTypes.Reply, $"Reply queued: {plan.Destination}", data);
                var sla = ticket.Sla is null ? null : SlaClock.RecordFirstResponse(ticket.Sla, now);
                var state = new ReplyDelivery { State = ReplyState.Queued, Via = outbound.Type, Destination = plan.Destination, At = now };
                var replied = new Dictionary<string, ReplyDelivery>(ticket.Replies) { [outbound.Id] = state };
                return new TicketChange(ticket with { Sla = sla, CustomerReplied = false, Replies = replied, UpdatedAt = now }, [entry], [outbound])
                {
                    ActionKey = ActionKey("reply", reply.IdempotencyKey),
                };
            },
            cancellationToken);
        return (updated, refusal, needsContact);
    }

    /// <summary>Where a reply to the ticket would go now, or why it cannot go (for the agent's reply box).</summary>
    public async Task<ReplyPlan> PlanReplyAsync(Ticket ticket, CancellationToken cancellationToken = default) =>
        replies.Plan(ticket, new Reply("(preview)", null), time.GetUtcNow(), await ContactAddressAsync(ticket, cancellationToken));

    /// <summary>The CRM contact's address of a requester without one of their own who answers by e-mail (a hotline caller).</summary>
    private async Task<string?> ContactAddressAsync(Ticket ticket, CancellationToken cancellationToken) =>
        NeedsContact(ticket) ? await contacts.FindEmailAsync(ticket.Requester, cancellationToken) : null;

    /// <summary>True for a requester answered by e-mail who has no address but a phone number the CRM may know.</summary>
    private static bool NeedsContact(Ticket ticket) =>
        ticket.ReplyRoute is null && ticket.Channel != Channel.AppReview && string.IsNullOrWhiteSpace(ticket.Requester.Email) && ticket.Requester.Phone is not null;

    /// <summary>Adds an agent's internal note: in the history, never sent.</summary>
    public async Task<WorkflowResult> AddNoteAsync(string ticketId, Note note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (string.IsNullOrWhiteSpace(note.Text))
        {
            return WorkflowResult.Invalid("text", "is required");
        }

        if ((TooLong("text", note.Text, MaxReplyLength) ?? TooLong("by", note.By, MaxByLength)) is { } invalid)
        {
            return invalid;
        }

        var now = time.GetUtcNow();
        var updated = await store.UpdateAsync(
            ticketId,
            ticket =>
            {
                var data = new Dictionary<string, string> { ["text"] = note.Text };
                AddIfPresent(data, "by", note.By);
                var entry = new HistoryEntry(now, HistoryTypes.InternalNote, "Internal note", data);
                return new TicketChange(ticket with { UpdatedAt = now }, [entry], []) { ActionKey = ActionKey("note", note.IdempotencyKey) };
            },
            cancellationToken);
        return updated is null ? WorkflowResult.NotFound() : WorkflowResult.Ok(updated);
    }

    public async Task<WorkflowResult> EscalateAsync(string ticketId, Escalation request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Team) || !escalation.Value.Teams.TryGetValue(request.Team.Trim(), out var channel))
        {
            return WorkflowResult.Invalid("team", $"must be one of {string.Join(", ", escalation.Value.Teams.Keys)}");
        }

        var assignee = request.Assignee?.Trim().TrimStart('@') ?? "";
        if (assignee.Length == 0 || assignee.Length > 100 || assignee.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return WorkflowResult.Invalid("assignee", "must be the responsible person's chat user name");
        }

        if ((TooLong("note", request.Note, MaxNoteLength) ?? TooLong("by", request.By, MaxByLength)) is { } invalid)
        {
            return invalid;
        }

        var team = escalation.Value.Teams.Keys.First(k => string.Equals(k, request.Team.Trim(), StringComparison.OrdinalIgnoreCase));
        var now = time.GetUtcNow();
        var updated = await store.UpdateAsync(
            ticketId,
            ticket =>
            {
                var data = new Dictionary<string, string> { ["team"] = team, ["assignee"] = assignee };
                if (!string.IsNullOrWhiteSpace(request.Note))
                {
                    data["note"] = request.Note;
                }

                if (!string.IsNullOrWhiteSpace(request.By))
                {
                    data["by"] = request.By;
                }

                var entry = new HistoryEntry(now, HistoryTypes.Escalated, $"Escalated to {team}: @{assignee}", data);
                var chat = new Dictionary<string, string>
                {
                    [ChatEvents.Kind] = "escalation",
                    [ChatEvents.Channel] = channel,
                    [ChatEvents.Mention] = assignee,
                    [ChatEvents.Title] = $"Escalated to {team}",
                    [ChatEvents.Text] = request.Note ?? "",
                    [ChatEvents.Priority] = ticket.Priority.ToString(),
                    [ChatEvents.Subject] = ticket.Subject,
                };
                var due = ticket.Sla is { FirstRespondedAt: null, FirstResponseDueAt: { } firstResponse } ? firstResponse : ticket.Sla?.ResolutionDueAt;
                if (due is not null)
                {
                    chat[ChatEvents.DueAt] = due.Value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
                }

                var notify = new OutboxEvent
                {
                    Id = $"{ticket.Id}:escalated:{ticket.Version}",
                    Type = ChatEvents.Message,
                    TicketId = ticket.Id,
                    TicketNumber = ticket.Number,
                    CreatedAt = now,
                    Data = chat,
                };
                return new TicketChange(ticket with { Team = team, Assignee = assignee, UpdatedAt = now }, [entry], [notify])
                {
                    ActionKey = ActionKey("escalate", request.IdempotencyKey),
                };
            },
            cancellationToken);
        if (updated is null)
        {
            return WorkflowResult.NotFound();
        }

        metrics.Escalated(team);
        return WorkflowResult.Ok(updated);
    }

    public async Task<WorkflowResult> RecordFollowUpAsync(string ticketId, FollowUp followUp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        foreach (var (field, link) in new[] { ("documentationLink", followUp.DocumentationLink), ("bugLink", followUp.BugLink), ("featureRequestLink", followUp.FeatureRequestLink) })
        {
            // Uri accepts (and drops) line breaks and tabs inside a link; a stored link must be exactly one.
            if (link is not null && (link.Length > MaxLinkLength || link.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
                || !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))))
            {
                return WorkflowResult.Invalid(field, $"must be an http(s) link of at most {MaxLinkLength} characters, without spaces or line breaks");
            }
        }

        if ((TooLong("note", followUp.Note, MaxNoteLength) ?? TooLong("by", followUp.By, MaxByLength)) is { } invalid)
        {
            return invalid;
        }

        if (followUp.Bug != BugOutcome.None && followUp.BugLink is null)
        {
            return WorkflowResult.Invalid("bugLink", "is required when the problem is a known or new bug");
        }

        if (followUp.Feature != FeatureOutcome.None && followUp.FeatureRequestLink is null)
        {
            return WorkflowResult.Invalid("featureRequestLink", "is required when the problem is a missing feature");
        }

        var now = time.GetUtcNow();
        var refused = false;
        var updated = await store.UpdateAsync(
            ticketId,
            ticket =>
            {
                if (ticket.Status is not (TicketStatus.Solved or TicketStatus.Closed))
                {
                    refused = true;
                    return null;
                }

                refused = false;
                var data = new Dictionary<string, string>
                {
                    ["documentation"] = followUp.Documentation.ToString(),
                    ["bug"] = followUp.Bug.ToString(),
                    ["feature"] = followUp.Feature.ToString(),
                };
                AddIfPresent(data, "documentationLink", followUp.DocumentationLink);
                AddIfPresent(data, "bugLink", followUp.BugLink);
                AddIfPresent(data, "featureRequestLink", followUp.FeatureRequestLink);
                AddIfPresent(data, "note", followUp.Note);
                AddIfPresent(data, "by", followUp.By);
                var entry = new HistoryEntry(now, HistoryTypes.FollowUp, $"Follow-up: documentation {followUp.Documentation}, bug {followUp.Bug}, feature {followUp.Feature}", data);
                return new TicketChange(ticket with { UpdatedAt = now }, [entry], []) { ActionKey = ActionKey("follow-up", followUp.IdempotencyKey) };
            },
            cancellationToken);
        if (updated is null)
        {
            return WorkflowResult.NotFound();
        }

        if (refused)
        {
            return WorkflowResult.Conflict($"ticket {updated.Tag} is {updated.Status}; the follow-up is recorded on solved or closed tickets");
        }

        metrics.FollowUp(followUp);
        return WorkflowResult.Ok(updated);
    }

    private static WorkflowResult? TooLong(string field, string? value, int limit) =>
        value?.Length > limit ? WorkflowResult.Invalid(field, $"is longer than {limit} characters") : null;

    private static void AddIfPresent(Dictionary<string, string> data, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            data[key] = value.Trim();
        }
    }
}
