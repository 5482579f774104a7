using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Domain;

namespace SyncHub.InMemory;

/// <summary>
/// The account directory in process memory: the zero-setup run and fast tests. Finds a requester's account by
/// contact e-mail, then the e-mail's domain, then phone number (E.164); where several records share a key the
/// most recently modified wins. One lock makes every upsert and removal atomic.
/// </summary>
public sealed class InMemoryAccountDirectory(AccountDirectoryRules rules, TimeProvider time) : IAccountDirectoryStore, IContactLookup
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

    public Task<string?> FindEmailAsync(Requester requester, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requester);
        if (AccountDirectoryRules.Email(requester.Email) is { } own)
        {
            return Task.FromResult<string?>(own);
        }

        if (rules.Phone(requester.Phone) is not { } phone)
        {
            return Task.FromResult<string?>(null);
        }

        lock (gate)
        {
            return Task.FromResult(contactPhones.Get(phone)
                .Select(id => contacts[id])
                .Where(c => !string.IsNullOrWhiteSpace(c.Email))
                .OrderByDescending(c => c.ModifiedAt)
                .ThenBy(c => c.CrmId, StringComparer.Ordinal)
                .Select(c => c.Email)
                .FirstOrDefault());
        }
    }

    public Task UpsertAsync(IReadOnlyList<CrmAccount> accounts, IReadOnlyList<CrmContact> contacts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(contacts);
        lock (gate)
        {
            foreach (var account in accounts)
            {
                Replace(this.accounts, account.CrmId, account, a => a.ModifiedAt, IndexAccount);
            }

            foreach (var contact in contacts)
            {
                Replace(this.contacts, contact.CrmId, contact, c => c.ModifiedAt, IndexContact);
            }
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(IReadOnlyList<string> accountIds, IReadOnlyList<string> contactIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentNullException.ThrowIfNull(contactIds);
        lock (gate)
        {
            foreach (var id in accountIds)
            {
                if (accounts.Remove(id, out var account))
                {
                    IndexAccount(account, false);
                }
            }

            foreach (var id in contactIds)
            {
                if (contacts.Remove(id, out var contact))
                {
                    IndexContact(contact, false);
                }
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

    /// <summary>
    /// Stores <paramref name="record"/> unless a newer version is stored (replaying an old page changes nothing),
    /// moving its look-up keys: the old version's keys stop matching.
    /// </summary>
    private static void Replace<T>(Dictionary<string, T> records, string id, T record, Func<T, DateTimeOffset> modifiedAt, Action<T, bool> index)
    {
        if (records.TryGetValue(id, out var old))
        {
            if (modifiedAt(old) > modifiedAt(record))
            {
                return;
            }

            index(old, false);
        }

        records[id] = record;
        index(record, true);
    }

    private void IndexAccount(CrmAccount account, bool add)
    {
        Update(accountDomains, account.CrmId, rules.DomainKeys(account), add);
        Update(accountPhones, account.CrmId, rules.PhoneKeys(account), add);
    }

    private void IndexContact(CrmContact contact, bool add)
    {
        Update(contactEmails, contact.CrmId, AccountDirectoryRules.EmailKeys(contact), add);
        Update(contactPhones, contact.CrmId, rules.PhoneKeys(contact), add);
    }

    private static void Update(LookupIndex index, string id, IReadOnlyList<string> keys, bool add)
    {
        if (add)
        {
            index.Add(id, keys);
        }
        else
        {
            index.Remove(id, keys);
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
