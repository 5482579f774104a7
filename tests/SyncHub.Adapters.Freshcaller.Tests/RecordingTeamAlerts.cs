using System.Collections.Concurrent;

namespace SyncHub.Adapters.Freshcaller.Tests;

/// <summary>
/// The hub's team alerts as an adapter sees them: an alert is sent once per key (raising the key again sends nothing
/// and answers false), here recorded instead of going through the outbox to the chat. One instance shared by two
/// services plays one hub store seen by two instances (or by one instance before and after a restart).
/// </summary>
internal sealed class RecordingTeamAlerts : ITeamAlerts
{
    private readonly ConcurrentDictionary<string, TeamAlert> keys = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TeamAlert> sent = new();

    /// <summary>The alerts sent to the chat, in order.</summary>
    public IReadOnlyList<TeamAlert> Sent => [.. sent];

    /// <summary>When set, raising fails with it (the store is down).</summary>
    public Exception? Failure { get; set; }

    public Task<bool> RaiseAsync(TeamAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (Failure is { } failure)
        {
            return Task.FromException<bool>(failure);
        }

        if (!keys.TryAdd(alert.Key, alert))
        {
            return Task.FromResult(false);
        }

        sent.Enqueue(alert);
        return Task.FromResult(true);
    }
}
