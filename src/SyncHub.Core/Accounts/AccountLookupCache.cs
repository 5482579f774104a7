using System.Collections.Concurrent;
using SyncHub.Adapters;

namespace SyncHub.Accounts;

/// <summary>
/// The answers of recent directory look-ups (an account, or none), by look-up keys, each for a time to live: a shared
/// directory (Redis) is then asked once per requester and period instead of once per record. <see cref="Clear"/> when the
/// directory changes. Bounded: past <see cref="Capacity"/> answers it starts again empty.
/// </summary>
public sealed class AccountLookupCache(TimeSpan ttl, TimeProvider time)
{
    public const int Capacity = 50_000;

    private readonly ConcurrentDictionary<(string? Email, string? Domain, string? Phone), (CrmAccount? Account, DateTimeOffset Until)> answers = new();

    public bool Enabled => ttl > TimeSpan.Zero;

    /// <summary>True with the remembered answer (which may be "no account") while it is fresh.</summary>
    public bool TryGet(string? email, string? domain, string? phone, out CrmAccount? account)
    {
        account = null;
        if (!Enabled || !answers.TryGetValue((email, domain, phone), out var answer))
        {
            return false;
        }

        if (answer.Until <= time.GetUtcNow())
        {
            answers.TryRemove((email, domain, phone), out _);
            return false;
        }

        account = answer.Account;
        return true;
    }

    public void Remember(string? email, string? domain, string? phone, CrmAccount? account)
    {
        if (!Enabled)
        {
            return;
        }

        if (answers.Count >= Capacity)
        {
            answers.Clear();
        }

        answers[(email, domain, phone)] = (account, time.GetUtcNow() + ttl);
    }

    /// <summary>Forgets every answer (the directory was written).</summary>
    public void Clear() => answers.Clear();
}
