using System.Collections.Concurrent;

namespace SyncHub.Adapters.AppFollow.Tests;

/// <summary>
/// The hub's <see cref="ITeamAlerts"/> as the adapter sees it: every alert raised, once per key (a key raised again
/// returns false and sends nothing), and failures on demand. Shared by two harnesses, it plays the store a restarted
/// hub finds again.
/// </summary>
internal sealed class RecordingTeamAlerts : ITeamAlerts
{
    private readonly ConcurrentDictionary<string, TeamAlert> byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TeamAlert> sent = new();
    private int failures;

    /// <summary>The alerts that would reach the chat, in order.</summary>
    public IReadOnlyList<TeamAlert> Sent => [.. sent];

    /// <summary>The next <paramref name="count"/> raises throw, as a store that does not answer.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref failures, count);

    public Task<bool> RaiseAsync(TeamAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (Interlocked.Decrement(ref failures) >= 0)
        {
            throw new InvalidOperationException("the store does not answer");
        }

        if (!byKey.TryAdd(alert.Key, alert))
        {
            return Task.FromResult(false);
        }

        sent.Enqueue(alert);
        return Task.FromResult(true);
    }
}
