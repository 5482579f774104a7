using SyncHub.Domain;

namespace SyncHub.Accounts;

/// <summary>Finds a CRM contact's e-mail address for a requester known only by phone (a hotline caller).</summary>
public interface IContactLookup
{
    /// <summary>The requester's own e-mail when it has one; else the e-mail of the most recently modified contact with its phone number.</summary>
    Task<string?> FindEmailAsync(Requester requester, CancellationToken cancellationToken = default);
}
