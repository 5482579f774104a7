using Microsoft.Extensions.Logging;
using SyncHub.Adapters;
using SyncHub.Diagnostics;
using SyncHub.Pipeline;

namespace SyncHub.Accounts;

/// <summary>
/// Polls an <see cref="IAccountSource"/> and upserts each page into the account directory, then removes the
/// accounts and contacts the page reports deleted in the CRM. The poller commits the returned cursor only after this
/// call returns, so a page is never skipped: a failed fetch, upsert or removal is retried from the same cursor, and
/// the idempotent upsert and removal absorb a page read twice.
/// </summary>
public sealed class AccountSyncPollTarget(IAccountSource source, IAccountDirectoryStore directory, ILogger<AccountSyncPollTarget> logger)
    : IPollTarget
{
    public string Name => source.Name;

    public async Task<PollResult> PollAsync(string? cursor, CancellationToken cancellationToken)
    {
        var page = await source.FetchAsync(cursor, cancellationToken);
        if (page.Count > 0)
        {
            await directory.UpsertAsync(page.Accounts, page.Contacts, cancellationToken);
            Log.AccountsUpserted(logger, source.Name, page.Accounts.Count, page.Contacts.Count);
        }

        if (page.DeletedCount > 0)
        {
            await directory.RemoveAsync(page.DeletedAccountIds, page.DeletedContactIds, cancellationToken);
            Log.AccountsRemoved(logger, source.Name, page.DeletedAccountIds.Count, page.DeletedContactIds.Count);
        }

        return new PollResult(page.NextCursor, page.Count + page.DeletedCount, page.HasMore);
    }
}
