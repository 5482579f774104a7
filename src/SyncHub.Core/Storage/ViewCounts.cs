namespace SyncHub.Storage;

/// <summary>The live count of open tickets in each view (see <see cref="TicketViews"/>), by view id.</summary>
public sealed record ViewCounts(IReadOnlyDictionary<string, long> Counts);
