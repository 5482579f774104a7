using SyncHub.Domain;

namespace SyncHub.Policies;

/// <summary>
/// The local copy of CRM accounts that ticket creation reads (never the CRM itself, so a CRM outage never
/// stops intake). Looks up by contact e-mail, then e-mail domain, then phone number.
/// </summary>
public interface IAccountDirectory
{
    Task<AccountSnapshot?> FindAsync(Requester requester, CancellationToken cancellationToken = default);
}
