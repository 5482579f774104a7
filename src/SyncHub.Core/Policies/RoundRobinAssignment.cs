using System.Globalization;
using Microsoft.Extensions.Options;
using SyncHub.Agents;
using SyncHub.Domain;
using SyncHub.Pipeline;
using SyncHub.Storage;
using SyncHub.Workflow;

namespace SyncHub.Policies;

/// <summary>
/// Round-robin assignment (<c>SyncHub:Assignment:RoundRobin</c>): a new, unassigned ticket goes to the next agent, in
/// turn, among the available agents (<see cref="IAgentAvailability"/>) who serve its department. The turn is one
/// stored, atomic increment per department, so several instances share one rotation. Runs once the store call has
/// decided the ticket's department (an <see cref="ITicketCreatedHook"/>, beside the synchronous
/// <see cref="IAssignmentPolicy"/>, which cannot read the stored availability); the choice, or why there was none, is a
/// line in the ticket's history, written once.
/// </summary>
public sealed class RoundRobinAssignment(
    ITicketStore store,
    IAgentDirectory agents,
    IAgentAvailability availability,
    IOptions<AssignmentOptions> options,
    TimeProvider time) : ITicketCreatedHook
{
    public const string ActionKey = "round-robin";

    public Task OnCreatedAsync(IntakeRecord record, CreateResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return options.Value.RoundRobin && result.Outcome is CreateOutcome.Created or CreateOutcome.Duplicate
            ? AssignAsync(result, cancellationToken)
            : Task.CompletedTask;
    }

    // Apart from OnCreatedAsync: its closures are made on entry, which a hub without round-robin should not pay per ticket.
    private async Task AssignAsync(CreateResult result, CancellationToken cancellationToken)
    {
        var ticket = await store.GetAsync(result.TicketId, cancellationToken);
        if (ticket is null || ticket.Assignee is not null || ticket.History.Any(h => h.Type == WorkspaceHistoryTypes.Assigned))
        {
            return;
        }

        var candidates = Candidates(agents.All, await availability.AvailableAsync(cancellationToken), ticket.Department);
        var turn = candidates.Count == 0 ? 0 : await availability.NextTurnAsync(ticket.Department, cancellationToken);
        var chosen = Choose(candidates, turn);
        var now = time.GetUtcNow();
        await store.UpdateAsync(
            ticket.Id,
            current =>
            {
                if (current.Assignee is not null)
                {
                    return null;
                }

                var data = new Dictionary<string, string> { ["by"] = "round-robin", ["department"] = current.Department.ToString() };
                if (chosen is null)
                {
                    var none = new HistoryEntry(now, WorkspaceHistoryTypes.Assigned, $"Round-robin: no available agent serves {current.Department}; left unassigned", data);
                    return new TicketChange(current, [none], []) { ActionKey = ActionKey };
                }

                data["assignee"] = chosen.Id;
                data["turn"] = turn.ToString(CultureInfo.InvariantCulture);
                data["candidates"] = string.Join(",", candidates.Select(a => a.Id));
                var entry = new HistoryEntry(
                    now,
                    WorkspaceHistoryTypes.Assigned,
                    $"Assigned to {chosen.Name} ({chosen.Id}) by round-robin: turn {turn} among the available agents of {current.Department} ({string.Join(", ", candidates.Select(a => a.Id))})",
                    data);
                return new TicketChange(current with { Assignee = chosen.Id, UpdatedAt = now }, [entry], []) { ActionKey = ActionKey };
            },
            cancellationToken);
    }

    /// <summary>The available agents who serve <paramref name="department"/>, in a fixed order (by id).</summary>
    public static IReadOnlyList<Agent> Candidates(IEnumerable<Agent> all, IReadOnlySet<string> available, Department department)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(available);
        return [.. all.Where(a => available.Contains(a.Id) && a.Serves(department)).OrderBy(a => a.Id, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The agent whose turn <paramref name="turn"/> (1, 2, 3...) is; null without candidates.</summary>
    public static Agent? Choose(IReadOnlyList<Agent> candidates, long turn)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates.Count == 0 ? null : candidates[(int)((Math.Max(turn, 1) - 1) % candidates.Count)];
    }
}
