using SyncHub.Domain;

namespace SyncHub.Accounts;

/// <summary>
/// The account directory in process memory: the zero-setup run and fast tests. Finds a requester's account by
/// contact e-mail, then the e-mail's domain, then phone number (E.164); where several records share a key the
/// most recently modified wins. One lock makes every upsert atomic.
/// </summary>
public sealed class InMemoryAccountDirectory(AccountDirectoryRules rules, TimeProvider time) : IAccountDirectoryStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, CrmAccount> accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CrmContact> contacts = new(StringComparer.Ordinal);
    private readonly LookupIndex contactEmails = new();
    private readonly LookupIndex contactPhones = new();
    private readonly LookupIndex accountDomains = new();
    private readonly LookupIndex accountPhones = new();

    public Task<AccountSnapshot?> FindAsync(Requester requester, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requester);
        var email = AccountDirectoryRules.Email(requester.Email);
        var domain = rules.LookupDomain(email);
        var phone = rules.Phone(requester.Phone);
        CrmAccount? found;
        lock (gate)
        {
            found = (email is null ? null : AccountOfContacts(contactEmails.Get(email)))
                ?? (domain is null ? null : Latest(accountDomains.Get(domain)))
                ?? (phone is null ? null : AccountOfContacts(contactPhones.Get(phone)) ?? Latest(accountPhones.Get(phone)));
        }

        return Task.FromResult(found is null ? null : rules.Snapshot(found, time.GetUtcNow()));
    }

    public Task UpsertAsync(IReadOnlyList<CrmAccount> accounts, IReadOnlyList<CrmContact> contacts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(contacts);
        lock (gate)
        {
            foreach (var account in accounts)
            {
                if (this.accounts.TryGetValue(account.CrmId, out var old))
                {
                    if (old.ModifiedAt > account.ModifiedAt)
                    {
                        continue;
                    }

                    accountDomains.Remove(old.CrmId, rules.DomainKeys(old));
                    accountPhones.Remove(old.CrmId, rules.PhoneKeys(old));
                }

                this.accounts[account.CrmId] = account;
                accountDomains.Add(account.CrmId, rules.DomainKeys(account));
                accountPhones.Add(account.CrmId, rules.PhoneKeys(account));
            }

            foreach (var contact in contacts)
            {
                if (this.contacts.TryGetValue(contact.CrmId, out var old))
                {
                    if (old.ModifiedAt > contact.ModifiedAt)
                    {
                        continue;
                    }

                    contactEmails.Remove(old.CrmId, AccountDirectoryRules.EmailKeys(old));
                    contactPhones.Remove(old.CrmId, rules.PhoneKeys(old));
                }

                this.contacts[contact.CrmId] = contact;
                contactEmails.Add(contact.CrmId, AccountDirectoryRules.EmailKeys(contact));
                contactPhones.Add(contact.CrmId, rules.PhoneKeys(contact));
            }
        }

        return Task.CompletedTask;
    }

    public Task<AccountDirectoryCount> CountAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(new AccountDirectoryCount(accounts.Count, contacts.Count));
        }
    }

    /// <summary>The account of the most recently modified contact among <paramref name="ids"/> whose account is known.</summary>
    private CrmAccount? AccountOfContacts(IReadOnlyCollection<string> ids) =>
        ids.Select(id => contacts[id])
            .Where(c => c.AccountCrmId is not null && accounts.ContainsKey(c.AccountCrmId))
            .OrderByDescending(c => c.ModifiedAt)
            .ThenBy(c => c.CrmId, StringComparer.Ordinal)
            .Select(c => accounts[c.AccountCrmId!])
            .FirstOrDefault();

    private CrmAccount? Latest(IReadOnlyCollection<string> ids) =>
        ids.Select(id => accounts[id])
            .OrderByDescending(a => a.ModifiedAt)
            .ThenBy(a => a.CrmId, StringComparer.Ordinal)
            .FirstOrDefault();
}
