namespace SyncHub.Adapters;

/// <summary>
/// One page read from an <see cref="IAccountSource"/>: the accounts and contacts it held, the cursor to commit
/// once they are stored, and whether the next page should be read at once instead of after the poll interval.
/// A page may also carry the CRM ids of accounts and contacts deleted in the CRM (<see cref="DeletedAccountIds"/>,
/// <see cref="DeletedContactIds"/>): the directory removes them after storing the page's records, so a former
/// customer stops matching.
/// </summary>
public sealed record AccountPage(
    IReadOnlyList<CrmAccount> Accounts,
    IReadOnlyList<CrmContact> Contacts,
    string? NextCursor,
    bool HasMore = false)
{
    /// <summary>The accounts and contacts to store (deletions not counted).</summary>
    public int Count => Accounts.Count + Contacts.Count;

    /// <summary>CRM ids of accounts deleted in the CRM, removed from the directory with their look-up keys; none by default.</summary>
    public IReadOnlyList<string> DeletedAccountIds { get; init; } = [];

    /// <summary>CRM ids of contacts deleted in the CRM, removed from the directory with their look-up keys; none by default.</summary>
    public IReadOnlyList<string> DeletedContactIds { get; init; } = [];

    /// <summary>How many deleted accounts and contacts the page carries.</summary>
    public int DeletedCount => DeletedAccountIds.Count + DeletedContactIds.Count;

    public static AccountPage Empty(string? cursor, bool hasMore = false) => new([], [], cursor, hasMore);
}
