using SyncHub.Domain;

namespace SyncHub.Accounts;

/// <summary>The contact look-up when no directory is configured: only the requester's own e-mail is known.</summary>
public sealed class RequesterEmailLookup : IContactLookup
{
    public Task<string?> FindEmailAsync(Requester requester, CancellationToken cancellationToken = default) =>
        Task.FromResult(string.IsNullOrWhiteSpace(requester?.Email) ? null : requester.Email.Trim());
}
