using SyncHub.Pipeline;

namespace SyncHub.Testing.Leases;

/// <summary>A poll target that reports each poll of one instance to a shared <see cref="PollWatch"/>.</summary>
internal sealed class WatchedPollTarget(IPollTarget inner, string instance, PollWatch watch) : IPollTarget
{
    public string Name => inner.Name;

    public async Task<PollResult> PollAsync(string? cursor, CancellationToken cancellationToken)
    {
        watch.Enter();
        var result = default(PollResult);
        try
        {
            result = await inner.PollAsync(cursor, cancellationToken);
            return result;
        }
        finally
        {
            watch.Exit(new PollWatch.Poll(instance, cursor, result?.Count ?? 0, result is not null));
        }
    }
}
