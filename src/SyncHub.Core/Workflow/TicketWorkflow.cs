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
public sealed class TicketWorkflow(
    ITicketStore store,
    IOptions<EscalationOptions> escalation,
    SlaCalendars calendars,
    WorkflowMetrics metrics,
    TimeProvider time)
{
    public const int MaxReplyLength = 50_000;

    /// <summary>The longest note on an escalation or a follow-up.</summary>
    public const int MaxNoteLength = 10_000;

    /// <summary>The longest <c>by</c> (who acted) on any action.</summary>
    public const int MaxByLength = 200;

    /// <summary>The longest link on a follow-up.</summary>
    public const int MaxLinkLength = 2_000;

    /// <summary>
    /// Moves the ticket to <paramref name="status"/>. Pending pauses the SLA clock; leaving Pending resumes it
    /// with the working time that remained; Solved or Closed records the resolution.
    /// </summary>
    public async Task<WorkflowResult> ChangeStatusAsync(string ticketId, TicketStatus status, string? by, CancellationToken cancellationToken = default)
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
                return new TicketChange(ticket with { Status = status, Sla = sla, UpdatedAt = now }, [entry], []);
            },
            cancellationToken);
        return updated is null ? WorkflowResult.NotFound() : WorkflowResult.Ok(updated);
    }

    /// <summary>
    /// Sends an agent's reply through the ticket's channel (e-mail for mail, web, phone and internal tickets
    /// with a known address; the review reply for app reviews) via the outbox, records it in the history and
    /// meets the first-response target.
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

        var now = time.GetUtcNow();
        string? refusal = null;
        var updated = await store.UpdateAsync(
            ticketId,
            ticket =>
            {
                var outbound = ReplyEvent(ticket, reply, now);
                if (outbound is null)
                {
                    refusal = ticket.Channel is Channel.AppReview
                        ? "the review has no id to answer"
                        : string.IsNullOrWhiteSpace(ticket.Requester.Email)
                            ? $"replies to {ticket.Channel} tickets need the requester's e-mail address, and this requester has none"
                            : "the requester's e-mail address is not one plain address; a reply is sent to exactly one";
                    return null;
                }

                refusal = null;
                var data = new Dictionary<string, string> { ["eventId"] = outbound.Id, ["via"] = outbound.Type, ["message"] = reply.Message };
                if (!string.IsNullOrWhiteSpace(reply.By))
                {
                    data["by"] = reply.By;
                }

                var entry = new HistoryEntry(now, HistoryTypes.Reply, $"Reply queued via {outbound.Type}", data);
                var sla = ticket.Sla is null ? null : SlaClock.RecordFirstResponse(ticket.Sla, now);
                return new TicketChange(ticket with { Sla = sla, UpdatedAt = now }, [entry], [outbound]);
            },
            cancellationToken);
        if (updated is null)
        {
            return WorkflowResult.NotFound();
        }

        return refusal is null ? WorkflowResult.Ok(updated) : WorkflowResult.Conflict(refusal);
    }

    private static OutboxEvent? ReplyEvent(Ticket ticket, Reply reply, DateTimeOffset now)
    {
        var id = $"{ticket.Id}:reply:{ticket.Version}";
        if (ticket.Channel is Channel.AppReview)
        {
            return new OutboxEvent
            {
                Id = id,
                Type = ReviewEvents.Reply,
                TicketId = ticket.Id,
                TicketNumber = ticket.Number,
                CreatedAt = now,
                Data = new Dictionary<string, string> { [ReviewEvents.ReviewId] = ticket.ExternalId, [ReviewEvents.Text] = reply.Message },
            };
        }

        if (!IsOneAddress(ticket.Requester.Email))
        {
            // No address, or one that is not a single plain address (a list, a display name, a line break): a reply
            // must reach the requester and nobody else.
            return null;
        }

        var data = new Dictionary<string, string>
        {
            [MailEvents.To] = ticket.Requester.Email!.Trim(),
            [MailEvents.Subject] = ticket.Subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? ticket.Subject : $"Re: {ticket.Subject}",
            [MailEvents.Body] = reply.Message,
            [MailEvents.Automatic] = "false",
        };
        if (ticket.Diagnostics.TryGetValue("messageId", out var messageId))
        {
            data[MailEvents.InReplyTo] = messageId;
            data[MailEvents.References] = messageId;
        }

        return new OutboxEvent { Id = id, Type = MailEvents.Reply, TicketId = ticket.Id, TicketNumber = ticket.Number, CreatedAt = now, Data = data };
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
                return new TicketChange(ticket with { Team = team, Assignee = assignee, UpdatedAt = now }, [entry], [notify]);
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
                return new TicketChange(ticket with { UpdatedAt = now }, [entry], []);
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

    /// <summary>True for one plain address (<c>ana@example.com</c>): not a list, no display name, no line break.</summary>
    private static bool IsOneAddress(string? email) =>
        !string.IsNullOrWhiteSpace(email)
        && !email.Any(char.IsControl)
        && System.Net.Mail.MailAddress.TryCreate(email.Trim(), out var address)
        && address.Address == email.Trim()
        && string.IsNullOrEmpty(address.DisplayName);

    private static void AddIfPresent(Dictionary<string, string> data, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            data[key] = value.Trim();
        }
    }
}
