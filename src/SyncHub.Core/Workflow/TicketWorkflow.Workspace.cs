using System.Globalization;
using SyncHub.Agents;
using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Workflow;

/// <summary>The agents' workspace: assignment, priority and department edits that re-stamp the SLA, the checklist.</summary>
public sealed partial class TicketWorkflow
{
    /// <summary>
    /// Assigns the ticket to <paramref name="assignee"/> (an agent's id or name; null or blank: <paramref name="caller"/>),
    /// who must serve the ticket's department. Assigning a ticket that has an assignee reassigns it. The ticket's
    /// <see cref="Ticket.Assignee"/> holds the agent's id.
    /// </summary>
    public async Task<WorkflowResult> AssignAsync(string ticketId, string? assignee, Agent? caller, string by, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        Agent agent;
        if (string.IsNullOrWhiteSpace(assignee))
        {
            if (caller is null)
            {
                return WorkflowResult.Invalid("assignee", "is required: a service key is not an agent and cannot take a ticket itself; name the agent");
            }

            agent = caller;
        }
        else if (agents.Find(assignee) is { } found)
        {
            agent = found;
        }
        else
        {
            return WorkflowResult.Invalid("assignee", $"'{Clip(assignee)}' is not a configured agent ({string.Join(", ", agents.All.Select(a => a.Id))})");
        }

        var now = time.GetUtcNow();
        Department? refusedFor = null;
        var updated = await store.UpdateAsync(
            ticketId,
            ticket =>
            {
                refusedFor = null;
                if (!agent.Serves(ticket.Department))
                {
                    refusedFor = ticket.Department;
                    return null;
                }

                if (ticket.Assignee == agent.Id)
                {
                    return null;
                }

                var data = new Dictionary<string, string> { ["assignee"] = agent.Id, ["by"] = by };
                string message;
                if (ticket.Assignee is { } previous)
                {
                    data["from"] = previous;
                    message = $"Reassigned from {Describe(previous)} to {agent.Name} ({agent.Id}) by {by}";
                }
                else
                {
                    message = $"Assigned to {agent.Name} ({agent.Id}) by {by}";
                }

                var entry = new HistoryEntry(now, WorkspaceHistoryTypes.Assigned, message, data);
                return new TicketChange(ticket with { Assignee = agent.Id, UpdatedAt = now }, [entry], []) { ActionKey = ActionKey("assign", idempotencyKey) };
            },
            cancellationToken);
        return updated is null ? WorkflowResult.NotFound()
            : refusedFor is { } department ? WorkflowResult.Invalid("assignee", $"{agent.Name} ({agent.Id}) does not serve department {department} (serves {string.Join(", ", agent.Departments)})")
            : WorkflowResult.Ok(updated);
    }

    /// <summary>Takes the ticket's assignee away; a ticket without one stays as it is.</summary>
    public async Task<WorkflowResult> UnassignAsync(string ticketId, string by, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var updated = await store.UpdateAsync(
            ticketId,
            ticket =>
            {
                if (ticket.Assignee is not { } previous)
                {
                    return null;
                }

                var data = new Dictionary<string, string> { ["from"] = previous, ["by"] = by };
                var entry = new HistoryEntry(now, WorkspaceHistoryTypes.Assigned, $"Unassigned (was {Describe(previous)}) by {by}", data);
                return new TicketChange(ticket with { Assignee = null, UpdatedAt = now }, [entry], []) { ActionKey = ActionKey("unassign", idempotencyKey) };
            },
            cancellationToken);
        return updated is null ? WorkflowResult.NotFound() : WorkflowResult.Ok(updated);
    }

    /// <summary>Corrects the priority and re-stamps the SLA (<see cref="SlaRestamp"/>), the new targets explained in the history.</summary>
    public Task<WorkflowResult> ChangePriorityAsync(string ticketId, Priority priority, string by, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        EditAsync(
            ticketId,
            ticket => ticket.Priority == priority ? null : (ticket with { Priority = priority }, $"priority {ticket.Priority} → {priority} by {by}", "priority"),
            by,
            ActionKey("priority", idempotencyKey),
            cancellationToken);

    /// <summary>Moves the ticket to another department and re-stamps the SLA, explained in the history.</summary>
    public Task<WorkflowResult> ChangeDepartmentAsync(string ticketId, Department department, string by, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        EditAsync(
            ticketId,
            ticket => ticket.Department == department ? null : (ticket with { Department = department }, $"department {ticket.Department} → {department} by {by}", "department"),
            by,
            ActionKey("department", idempotencyKey),
            cancellationToken);

    /// <summary>
    /// Reads the CRM directory again for the requester, replaces the ticket's account snapshot and re-stamps the SLA. When
    /// the directory holds the same account as the snapshot, the history says so and the SLA stays as it is.
    /// </summary>
    public async Task<WorkflowResult> RefreshAccountAsync(string ticketId, string by, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        var ticket = await store.GetAsync(ticketId, cancellationToken);
        if (ticket is null)
        {
            return WorkflowResult.NotFound();
        }

        var account = await accounts.FindAsync(ticket.Requester, cancellationToken);
        var now = time.GetUtcNow();
        var key = ActionKey("refresh-account", idempotencyKey);
        var updated = await store.UpdateAsync(
            ticketId,
            current =>
            {
                if (current.Account == account)
                {
                    var data = new Dictionary<string, string> { ["by"] = by, ["account"] = Describe(account) };
                    var same = new HistoryEntry(now, WorkspaceHistoryTypes.Edited, $"Account refreshed from the CRM directory by {by}: unchanged ({Describe(account)}); SLA unchanged", data);
                    return new TicketChange(current with { UpdatedAt = now }, [same], []) { ActionKey = key };
                }

                return Restamped(current with { Account = account }, current, $"account {Describe(current.Account)} → {Describe(account)} by {by}", "account", by, now, key);
            },
            cancellationToken);
        return updated is null ? WorkflowResult.NotFound() : WorkflowResult.Ok(updated);
    }

    /// <summary>Fills part of the investigation checklist; the history names what changed. Nothing changed: nothing stored.</summary>
    public async Task<WorkflowResult> UpdateChecklistAsync(string ticketId, ChecklistUpdate update, string by, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Problem() is { } invalid)
        {
            return invalid;
        }

        var now = time.GetUtcNow();
        var updated = await store.UpdateAsync(
            ticketId,
            ticket =>
            {
                var (checklist, changed) = update.ApplyTo(ticket.Checklist);
                if (changed.Count == 0)
                {
                    return null;
                }

                var data = new Dictionary<string, string> { ["changed"] = string.Join(", ", changed), ["by"] = by };
                var entry = new HistoryEntry(now, WorkspaceHistoryTypes.Checklist, $"Checklist: {string.Join(", ", changed)} by {by}", data);
                return new TicketChange(ticket with { Checklist = checklist, UpdatedAt = now }, [entry], []) { ActionKey = ActionKey("checklist", idempotencyKey) };
            },
            cancellationToken);
        return updated is null ? WorkflowResult.NotFound() : WorkflowResult.Ok(updated);
    }

    private async Task<WorkflowResult> EditAsync(
        string ticketId, Func<Ticket, (Ticket Edited, string Why, string Field)?> edit, string by, string? actionKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var updated = await store.UpdateAsync(
            ticketId,
            ticket => edit(ticket) is { } e ? Restamped(e.Edited, ticket, e.Why, e.Field, by, now, actionKey) : null,
            cancellationToken);
        return updated is null ? WorkflowResult.NotFound() : WorkflowResult.Ok(updated);
    }

    /// <summary>The change that stores <paramref name="edited"/> with its SLA stamped again, and the history line that explains it.</summary>
    private TicketChange Restamped(Ticket edited, Ticket before, string why, string field, string by, DateTimeOffset now, string? actionKey)
    {
        var result = restamp.Restamp(edited, edited.Account, edited.Priority, now);
        var data = new Dictionary<string, string>
        {
            ["field"] = field,
            ["by"] = by,
            ["policy"] = result.Stamp?.Policy ?? "best effort",
        };
        AddIfPresent(data, "previousPolicy", before.Sla?.Policy);
        AddIfPresent(data, "firstResponseDueAt", Iso(result.Stamp?.FirstResponseDueAt));
        AddIfPresent(data, "resolutionDueAt", Iso(result.Stamp?.ResolutionDueAt));
        var entry = new HistoryEntry(now, WorkspaceHistoryTypes.Edited, $"{Capital(why)}. {result.Explanation}", data);
        return new TicketChange(edited with { Sla = result.Stamp, UpdatedAt = now }, [entry], []) { ActionKey = actionKey };
    }

    private string Describe(string agentId) => agents.Find(agentId) is { } agent ? $"{agent.Name} ({agent.Id})" : agentId;

    private static string Describe(AccountSnapshot? account) =>
        account is null ? "no account (not in the CRM directory)" : $"{account.Name} (CRM {account.CrmId}), plan {account.Plan ?? "none"}, status {account.Status ?? "none"}";

    private static string? Iso(DateTimeOffset? instant) => instant?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Clip(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
