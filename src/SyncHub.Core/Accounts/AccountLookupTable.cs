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
                ?? (domain is null ? null : LatestAccount(accountDomains.Get(domain)))
                ?? (phone is null ? null : AccountOfContacts(contactPhones.Get(phone)) ?? LatestAccount(accountPhones.Get(phone)));
        }
    }

    /// <summary>The address of the most recently modified contact with this E.164 number that has one.</summary>
    public string? FindEmail(string phone)
    {
        lock (gate)
        {
            var (one, shared) = contactPhones.Get(phone);
            if (one is not null || shared is null)
            {
                return one is null ? null : contacts[one].Email;
            }

            ContactEntry? latest = null;
            foreach (var id in shared)
            {
                if (contacts[id] is { Email: not null } contact && IsLater(contact.Modified, contact.Id, latest?.Modified, latest?.Id))
                {
                    latest = contact;
                }
            }

            return latest?.Email;
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
    // The look-ups below run once per ticket: loops rather than a sorted LINQ query (an iterator, closures and a sort per
    // call), and a key of one record (nearly all) answers without a loop.

    /// <summary>The stored account of the most recently modified of these contacts that has one.</summary>
    private CrmAccount? AccountOfContacts((string? One, HashSet<string>? Shared) ids)
    {
        if (ids.One is not null || ids.Shared is null)
        {
            return ids.One is null ? null : AccountOf(contacts[ids.One]);
        }

        ContactEntry? latest = null;
        CrmAccount? found = null;
        foreach (var id in ids.Shared)
        {
            var contact = contacts[id];
            if (AccountOf(contact) is { } account && IsLater(contact.Modified, contact.Id, latest?.Modified, latest?.Id))
            {
                (latest, found) = (contact, account);
            }
        }

        return found;
    }

    /// <summary>The most recently modified of these accounts.</summary>
    private CrmAccount? LatestAccount((string? One, HashSet<string>? Shared) ids)
    {
        if (ids.One is not null || ids.Shared is null)
        {
            return ids.One is null ? null : accounts[ids.One].Account;
        }

        AccountEntry? latest = null;
        foreach (var id in ids.Shared)
        {
            var entry = accounts[id];
            if (IsLater(entry.Modified, entry.Id, latest?.Modified, latest?.Id))
            {
                latest = entry;
            }
        }

        return latest?.Account;
    }

    private CrmAccount? AccountOf(ContactEntry contact) =>
        contact.AccountId is not null && accounts.TryGetValue(contact.AccountId, out var account) ? account.Account : null;

    /// <summary>
    /// Whether a record comes before the latest so far (none: null) in look-up order: more recently modified, ties to the
    /// lower id (ordinal).
    /// </summary>
    private static bool IsLater(long modified, string id, long? latestModified, string? latestId) =>
        latestModified is not { } other || modified > other || (modified == other && string.CompareOrdinal(id, latestId) < 0);
}
