using SyncHub.Domain;

namespace SyncHub.Agents;

/// <summary>
/// Which agents take new tickets now (<c>POST /api/agents/me/availability</c>) and the round-robin's turn counter per
/// department; stored, so every instance shares them.
/// </summary>
public interface IAgentAvailability
{
    Task SetAsync(string agentId, bool available, CancellationToken cancellationToken = default);

    Task<bool> IsAvailableAsync(string agentId, CancellationToken cancellationToken = default);

    /// <summary>The ids of the available agents.</summary>
    Task<IReadOnlySet<string>> AvailableAsync(CancellationToken cancellationToken = default);

    /// <summary>The next turn of <paramref name="department"/>'s rotation: 1, 2, 3... one atomic increment, never the same twice.</summary>
    Task<long> NextTurnAsync(Department department, CancellationToken cancellationToken = default);
}
