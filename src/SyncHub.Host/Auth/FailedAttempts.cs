using Microsoft.Extensions.Options;
using SyncHub.Host.Configuration;

namespace SyncHub.Host.Auth;

/// <summary>
/// Counts failed sign-ins per client address in a fixed window that opens at the first failure: once an address has
/// failed <c>limit</c> times, every request from it is refused (429, Retry-After) until its window closes, whatever
/// credential it brings, so keys cannot be guessed at speed. A limit of 0 switches it off.
/// </summary>
internal sealed class FailedAttempts
{
    private const int PruneAbove = 10_000;

    private readonly TimeProvider time;
    private readonly int limit;
    private readonly TimeSpan window;
    private readonly Dictionary<string, (DateTimeOffset Opened, int Count)> clients = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public FailedAttempts(TimeProvider time, int limit, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        this.time = time;
        this.limit = limit;
        this.window = window;
    }

    public FailedAttempts(TimeProvider time, IOptions<ApiOptions> options)
        : this(time, options?.Value.FailedAttempts ?? 0, options?.Value.FailedAttemptsWindow ?? TimeSpan.FromMinutes(1))
    {
    }

    /// <summary>How long <paramref name="client"/> must wait before it may try again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (limit == 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        lock (gate)
        {
            if (!clients.TryGetValue(client, out var entry))
            {
                return null;
            }

            var closes = entry.Opened + window;
            if (now >= closes)
            {
                clients.Remove(client);
                return null;
            }

            return entry.Count >= limit ? closes - now : null;
        }
    }

    /// <summary>Counts a failed sign-in of <paramref name="client"/>.</summary>
    public void Failed(string client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (limit == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        lock (gate)
        {
            if (clients.Count > PruneAbove)
            {
                foreach (var stale in clients.Where(c => now >= c.Value.Opened + window).Select(c => c.Key).ToList())
                {
                    clients.Remove(stale);
                }
            }

            clients[client] = clients.TryGetValue(client, out var entry) && now < entry.Opened + window
                ? (entry.Opened, entry.Count + 1)
                : (now, 1);
        }
    }
}
