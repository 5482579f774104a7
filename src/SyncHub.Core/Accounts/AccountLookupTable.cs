using SyncHub.Adapters;

namespace SyncHub.Accounts;

/// <summary>
/// An account stored for look-up: the account, its modification order (a larger value is more recent) and the look-up
/// keys it was stored under (domains and E.164 numbers, as <see cref="AccountDirectoryRules"/> gave them when it was written).
/// </summary>
public sealed record AccountEntry(CrmAccount Account, long Modified, IReadOnlyList<string> Domains, IReadOnlyList<string> Phones)
{
    public string Id => Account.CrmId;
}

/// <summary>
/// A contact stored for look-up: its id, modification order, account id, look-up keys (addresses in lower case, E.164
/// numbers) and the address a contact look-up by phone answers with (null when it has none).
/// </summary>
public sealed record ContactEntry(string Id, long Modified, string? AccountId, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones, string? Email);

/// <summary>
/// The look-up side of an account directory in memory, and the one copy of its matching: contact e-mail (the account
/// of the most recently modified contact whose account is stored), then domain (the most recently modified account),
/// then phone (contacts first, then accounts). Ties in modification order go to the lower id (ordinal), as in a Redis
/// sorted set. A version older than the stored one is not written. Each call is atomic (one lock); the in-memory
/// directory and the Redis directory's mirror both keep one.
/// </summary>
public sealed class AccountLookupTable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, AccountEntry> accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContactEntry> contacts = new(StringComparer.Ordinal);
    private readonly LookupIndex contactEmails = new();
    private readonly LookupIndex contactPhones = new();
    private readonly LookupIndex accountDomains = new();
    private readonly LookupIndex accountPhones = new();

    public AccountDirectoryCount Count
    {
        get
        {
            lock (gate)
            {
                return new AccountDirectoryCount(accounts.Count, contacts.Count);
            }
        }
    }

    /// <summary>Writes each entry unless a newer version of it is stored; returns how many accounts and contacts were written.</summary>
    public (long Accounts, long Contacts) Put(IEnumerable<AccountEntry> accountEntries, IEnumerable<ContactEntry> contactEntries)
    {
        ArgumentNullException.ThrowIfNull(accountEntries);
        ArgumentNullException.ThrowIfNull(contactEntries);
        long written = 0;
        long contactsWritten = 0;
        lock (gate)
        {
            foreach (var entry in accountEntries)
            {
                written += Replace(accounts, entry.Id, entry, a => a.Modified, IndexAccount) ? 1 : 0;
            }

            foreach (var entry in contactEntries)
            {
                contactsWritten += Replace(contacts, entry.Id, entry, c => c.Modified, IndexContact) ? 1 : 0;
            }
        }

        return (written, contactsWritten);
    }

    /// <summary>Forgets the records with these ids and their look-up keys; returns how many accounts and contacts were stored.</summary>
    public (long Accounts, long Contacts) Remove(IEnumerable<string> accountIds, IEnumerable<string> contactIds)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentNullException.ThrowIfNull(contactIds);
        long removed = 0;
        long contactsRemoved = 0;
        lock (gate)
        {
            foreach (var id in accountIds)
            {
                if (accounts.Remove(id, out var account))
                {
                    IndexAccount(account, false);
                    removed++;
                }
            }

            foreach (var id in contactIds)
            {
                if (contacts.Remove(id, out var contact))
                {
                    IndexContact(contact, false);
                    contactsRemoved++;
                }
            }
        }

        return (removed, contactsRemoved);
    }

    /// <summary>
    /// The account a requester belongs to by its look-up keys (each null when the requester has none): see the class
    /// summary for the order.
    /// </summary>
    public CrmAccount? Find(string? email, string? domain, string? phone)
    {
        lock (gate)
        {
            return (email is null ? null : AccountOfContacts(contactEmails.Get(email)))
                ?? (domain is null ? null : Latest(accountDomains.Get(domain)))
                ?? (phone is null ? null : AccountOfContacts(contactPhones.Get(phone)) ?? Latest(accountPhones.Get(phone)));
        }
    }

    /// <summary>The address of the most recently modified contact with this E.164 number that has one.</summary>
    public string? FindEmail(string phone)
    {
        lock (gate)
        {
            return Ordered(contactPhones.Get(phone).Select(id => contacts[id]), c => c.Modified, c => c.Id)
                .Select(c => c.Email)
                .FirstOrDefault(e => e is not null);
        }
    }

    /// <summary>
    /// Stores <paramref name="record"/> unless a newer version is stored (replaying an old page changes nothing), moving
    /// its look-up keys: the old version's keys stop matching.
    /// </summary>
    private static bool Replace<T>(Dictionary<string, T> records, string id, T record, Func<T, long> modified, Action<T, bool> index)
    {
        if (records.TryGetValue(id, out var old))
        {
            if (modified(old) > modified(record))
            {
                return false;
            }

            index(old, false);
        }

        records[id] = record;
        index(record, true);
        return true;
    }

    private void IndexAccount(AccountEntry account, bool add)
    {
        Update(accountDomains, account.Id, account.Domains, add);
        Update(accountPhones, account.Id, account.Phones, add);
    }

    private void IndexContact(ContactEntry contact, bool add)
    {
        Update(contactEmails, contact.Id, contact.Emails, add);
        Update(contactPhones, contact.Id, contact.Phones, add);
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

    /// <summary>The account of the most recently modified contact among <paramref name="ids"/> whose account is stored.</summary>
    private CrmAccount? AccountOfContacts(IReadOnlyCollection<string> ids) =>
        Ordered(ids.Select(id => contacts[id]), c => c.Modified, c => c.Id)
            .Select(c => c.AccountId is not null && accounts.TryGetValue(c.AccountId, out var account) ? account.Account : null)
            .FirstOrDefault(a => a is not null);

    private CrmAccount? Latest(IReadOnlyCollection<string> ids) =>
        Ordered(ids.Select(id => accounts[id]), a => a.Modified, a => a.Id).Select(a => a.Account).FirstOrDefault();

    private static IEnumerable<T> Ordered<T>(IEnumerable<T> records, Func<T, long> modified, Func<T, string> id) =>
        records.OrderByDescending(modified).ThenBy(id, StringComparer.Ordinal);
}
