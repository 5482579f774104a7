namespace SyncHub.Adapters;

/// <summary>
/// How a tool's HTTP calls are retried: attempt timeout, retries, first backoff delay, and the longest Retry-After
/// waited (also the longest backoff). <see cref="RetryRateLimited"/> false leaves a 429 to the adapter (a tool whose
/// rate-limit window the source waits out on its own clock).
/// </summary>
public sealed record HttpRetrySettings(TimeSpan Timeout, int MaxRetryAttempts, TimeSpan RetryDelay, TimeSpan MaxRetryAfter, bool RetryRateLimited = true)
{
    /// <summary>One attempt bounded by <paramref name="timeout"/>: for calls another layer retries (the outbox), or that must not run twice.</summary>
    public static HttpRetrySettings SingleAttempt(TimeSpan timeout) => new(timeout, 0, TimeSpan.Zero, TimeSpan.Zero);
}
