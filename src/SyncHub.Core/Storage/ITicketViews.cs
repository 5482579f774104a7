namespace SyncHub.Storage;

/// <summary>The views' counts, read from sets the store keeps with every ticket write (no scan of the tickets).</summary>
public interface ITicketViews
{
    /// <summary>
    /// The count of every view of <see cref="TicketViews.All"/> at <paramref name="now"/>; <paramref name="mine"/> names
    /// the caller (agent id and name) for the <c>mine</c> view, empty for a caller who is no agent.
    /// </summary>
    Task<ViewCounts> CountViewsAsync(IReadOnlyList<string> mine, DateTimeOffset now, CancellationToken cancellationToken = default);
}
