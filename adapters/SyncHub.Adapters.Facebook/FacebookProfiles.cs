using Microsoft.Extensions.Logging;

namespace SyncHub.Adapters.Facebook;

/// <summary>
/// The names of Messenger senders, read with the page token from the User Profile API
/// (<c>GET /{psid}?fields=first_name,last_name,name</c>) and kept in memory: at most <see cref="Capacity"/> people, a
/// name for <see cref="NameLifetime"/>, a failed lookup for <see cref="FailureLifetime"/> (so a person without a readable
/// profile costs one call an hour, not one per message). A lookup has <see cref="LookupTimeout"/> on the hub's clock,
/// since the webhook must answer Facebook quickly; any failure leaves the record with the PSID alone and is logged at
/// Information the first time for a person, at Debug after that.
/// </summary>
internal sealed class FacebookProfiles(IHttpClientFactory httpClients, TimeProvider time, ILogger logger)
{
    public const int Capacity = 10_000;

    public static readonly TimeSpan NameLifetime = TimeSpan.FromHours(24);

    public static readonly TimeSpan FailureLifetime = TimeSpan.FromHours(1);

    public static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, Entry> cache = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return cache.Count;
            }
        }
    }

    /// <summary>The name of <paramref name="psid"/>, or null when Graph does not give it.</summary>
    public async ValueTask<string?> NameAsync(string psid, FacebookOptions settings, CancellationToken cancellationToken)
    {
        Entry? known;
        lock (gate)
        {
            cache.TryGetValue(psid, out known);
        }

        if (known is not null && known.Until > time.GetUtcNow())
        {
            return known.Name;
        }

        string? name = null;
        string? failure;
        using (var timeout = new CancellationTokenSource(LookupTimeout, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                name = await new FacebookGraphClient(httpClients, settings, time).ReadNameAsync(psid, linked.Token);
                failure = name is null ? "the profile has no name" : null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"no answer within {LookupTimeout}";
            }
            catch (DeliveryException e)
            {
                failure = e.Message;
            }
        }

        if (failure is not null)
        {
            if (known is { Name: null })
            {
                Log.ProfileStillUnavailable(logger, psid, failure);
            }
            else
            {
                Log.ProfileUnavailable(logger, psid, failure);
            }
        }

        Store(psid, new Entry(name, time.GetUtcNow() + (name is null ? FailureLifetime : NameLifetime)));
        return name;
    }

    private void Store(string psid, Entry entry)
    {
        lock (gate)
        {
            if (!cache.ContainsKey(psid) && cache.Count >= Capacity)
            {
                var now = time.GetUtcNow();
                foreach (var expired in cache.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList())
                {
                    cache.Remove(expired);
                }

                if (cache.Count >= Capacity)
                {
                    // Still full: the tenth that expires first makes room.
                    foreach (var oldest in cache.OrderBy(e => e.Value.Until).Take(Math.Max(1, Capacity / 10)).Select(e => e.Key).ToList())
                    {
                        cache.Remove(oldest);
                    }
                }
            }

            cache[psid] = entry;
        }
    }

    private sealed record Entry(string? Name, DateTimeOffset Until);
}
