namespace SyncHub.Adapters;

/// <summary>
/// One page read from an <see cref="IAccountSource"/>: the accounts and contacts it held, the cursor to commit
/// once they are stored, and whether the next page should be read at once instead of after the poll interval.
/// </summary>
public sealed record AccountPage(
    IReadOnlyList<CrmAccount> Accounts,
    IReadOnlyList<CrmContact> Contacts,
    string? NextCursor,
    bool HasMore = false)
{
    public int Count => Accounts.Count + Contacts.Count;

    public static AccountPage Empty(string? cursor, bool hasMore = false) => new([], [], cursor, hasMore);
}
