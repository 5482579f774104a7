using SyncHub.Adapters;
using SyncHub.Policies;

namespace SyncHub.Accounts;

/// <summary>
/// The write side of the account directory, fed by account sources. Implementations (in memory, Redis) share
/// <c>AccountDirectoryContract</c>:
/// <list type="bullet">
/// <item>look-up order: contact e-mail, then the e-mail's domain (public mail domains never match), then the
/// phone number compared in E.164;</item>
/// <item><see cref="UpsertAsync"/> is idempotent: replaying a page changes nothing, and a version older than
/// the stored one (by <c>ModifiedAt</c>) is ignored;</item>
/// <item>an updated account or contact replaces its look-up keys: old domains, numbers and addresses stop matching;</item>
/// <item><see cref="RemoveAsync"/> forgets records deleted in the CRM with all their look-up keys: a removed account
/// matches by nothing (not even through its contacts), and removing an id that is not stored changes nothing.</item>
/// </list>
/// </summary>
public interface IAccountDirectoryStore : IAccountDirectory
{
    Task UpsertAsync(IReadOnlyList<CrmAccount> accounts, IReadOnlyList<CrmContact> contacts, CancellationToken cancellationToken = default);

    /// <summary>Removes the accounts and contacts with these CRM ids, and their look-up keys; unknown ids are ignored.</summary>
    Task RemoveAsync(IReadOnlyList<string> accountIds, IReadOnlyList<string> contactIds, CancellationToken cancellationToken = default);

    Task<AccountDirectoryCount> CountAsync(CancellationToken cancellationToken = default);
}
