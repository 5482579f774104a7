using System.Globalization;
using Microsoft.Extensions.Options;
using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Workflow;

/// <summary>
/// What agents do to a ticket after creation: escalate it to a team (assign and notify in chat) and record
/// the closed-ticket follow-up. Each action is one store update: the ticket change, its history line and
/// its outbox events together.
/// </summary>
public sealed class TicketWorkflow(ITicketStore store, IOptions<EscalationOptions> escalation, WorkflowMetrics metrics, TimeProvider time)
{
    public async Task<WorkflowResult> EscalateAsync(string ticketId, Escalation request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Team) || !escalation.Value.Teams.TryGetValue(request.Team.Trim(), out var channel))
        {
            return WorkflowResult.Invalid("team", $"must be one of {string.Join(", ", escalation.Value.Teams.Keys)}");
        }

        var assignee = request.Assignee?.Trim().TrimStart('@') ?? "";
        if (assignee.Length == 0 || assignee.Length > 100 || assignee.Any(char.IsWhiteSpace))
        {
            return WorkflowResult.Invalid("assignee", "must be the responsible person's chat user name");
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
            if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            {
                return WorkflowResult.Invalid(field, "must be an http(s) link");
            }
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

    private static void AddIfPresent(Dictionary<string, string> data, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            data[key] = value.Trim();
        }
    }
}
