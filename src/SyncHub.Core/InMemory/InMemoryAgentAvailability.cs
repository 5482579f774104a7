using SyncHub.Agents;
using SyncHub.Domain;

namespace SyncHub.InMemory;

/// <summary>Agents' availability and the round-robin turns in process memory (the zero-setup run).</summary>
public sealed class InMemoryAgentAvailability : IAgentAvailability
{
    private readonly Lock gate = new();
    private readonly HashSet<string> available = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Department, long> turns = [];

    public Task SetAsync(string agentId, bool available, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        lock (gate)
        {
            if (available)
            {
                this.available.Add(agentId);
            }
            else
            {
                this.available.Remove(agentId);
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsAvailableAsync(string agentId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(available.Contains(agentId));
        }
    }

    public Task<IReadOnlySet<string>> AvailableAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlySet<string>>(new HashSet<string>(available, StringComparer.OrdinalIgnoreCase));
        }
    }

    public Task<long> NextTurnAsync(Department department, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var turn = turns.GetValueOrDefault(department) + 1;
            turns[department] = turn;
            return Task.FromResult(turn);
        }
    }
}
