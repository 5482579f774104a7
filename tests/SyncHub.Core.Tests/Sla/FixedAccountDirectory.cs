using SyncHub.Domain;
using SyncHub.Policies;

namespace SyncHub.Core.Tests.Sla;

/// <summary>A CRM directory that knows one account, for every requester.</summary>
internal sealed class FixedAccountDirectory(AccountSnapshot? account) : IAccountDirectory
{
    public Task<AccountSnapshot?> FindAsync(Requester requester, CancellationToken cancellationToken = default) =>
        Task.FromResult(account);
}
