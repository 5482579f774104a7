using SyncHub.Domain;

namespace SyncHub.Adapters;

/// <summary>
/// One page read from a polling source. <see cref="NextCursor"/> is committed after every record is stored;
/// <see cref="HasMore"/> asks the core to fetch the next page at once instead of waiting for the interval.
/// </summary>
public sealed record IntakePage(IReadOnlyList<IntakeRecord> Records, string? NextCursor, bool HasMore = false)
{
    /// <summary>Items of the page that could not become records; the core dead-letters them before committing the cursor.</summary>
    public IReadOnlyList<UnreadableItem> Unreadable { get; init; } = [];

    public static IntakePage Empty(string? cursor) => new([], cursor);
}
