using SyncHub.Domain;

namespace SyncHub.Policies;

/// <summary>The directory when no CRM is configured: every requester is unknown.</summary>
public sealed class EmptyAccountDirectory : IAccountDirectory
{
    public Task<AccountSnapshot?> FindAsync(Requester requester, CancellationToken cancellationToken = default) =>
        Task.FromResult<AccountSnapshot?>(null);
}
