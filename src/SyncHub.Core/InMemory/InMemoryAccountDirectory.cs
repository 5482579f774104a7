using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Domain;

namespace SyncHub.InMemory;

/// <summary>
/// The account directory in process memory: the zero-setup run and fast tests. Finds a requester's account by
/// contact e-mail, then the e-mail's domain, then phone number (E.164); where several records share a key the
/// most recently modified wins (<see cref="AccountLookupTable"/>, which the Redis directory's mirror shares). Every
/// upsert and removal is atomic.
/// </summary>
public sealed class InMemoryAccountDirectory(AccountDirectoryRules rules, TimeProvider time) : IAccountDirectoryStore, IContactLookup
{
    private readonly AccountLookupTable table = new();

    public Task<AccountSnapshot?> FindAsync(Requester requester, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requester);
        var email = AccountDirectoryRules.Email(requester.Email);
        var found = table.Find(email, rules.LookupDomain(email), rules.Phone(requester.Phone));
        return Task.FromResult(found is null ? null : rules.Snapshot(found, time.GetUtcNow()));
    }

    public Task<string?> FindEmailAsync(Requester requester, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requester);
        if (AccountDirectoryRules.Email(requester.Email) is { } own)
        {
            return Task.FromResult<string?>(own);
        }

        return Task.FromResult(rules.Phone(requester.Phone) is { } phone ? table.FindEmail(phone) : null);
    }

    public Task UpsertAsync(IReadOnlyList<CrmAccount> accounts, IReadOnlyList<CrmContact> contacts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(contacts);
        table.Put(
            accounts.Select(a => new AccountEntry(a, a.ModifiedAt.UtcTicks, rules.DomainKeys(a), rules.PhoneKeys(a))),
            contacts.Select(c => new ContactEntry(
                c.CrmId,
                c.ModifiedAt.UtcTicks,
                c.AccountCrmId,
                AccountDirectoryRules.EmailKeys(c),
                rules.PhoneKeys(c),
                string.IsNullOrWhiteSpace(c.Email) ? null : c.Email)));
        return Task.CompletedTask;
    }

    public Task RemoveAsync(IReadOnlyList<string> accountIds, IReadOnlyList<string> contactIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentNullException.ThrowIfNull(contactIds);
        table.Remove(accountIds, contactIds);
        return Task.CompletedTask;
    }

    public Task<AccountDirectoryCount> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult(table.Count);
}
