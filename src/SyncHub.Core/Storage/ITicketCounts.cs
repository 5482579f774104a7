namespace SyncHub.Storage;

/// <summary>
/// The ticket counts a store keeps anyway (its index sizes), for the operator's gauges: cheap to read on any store
/// size, never a scan of the tickets. Both stores implement it beside <see cref="ITicketStore"/>.
/// </summary>
public interface ITicketCounts
{
    /// <summary>The counts as of <paramref name="now"/> (which decides which SLA targets are at risk).</summary>
    Task<TicketCounts> CountAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
