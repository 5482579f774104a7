namespace SyncHub.Adapters.Http;

/// <summary>How a tool's HTTP calls are retried: attempt timeout, retries, first backoff delay and the longest Retry-After waited.</summary>
public sealed record HttpRetrySettings(TimeSpan Timeout, int MaxRetryAttempts, TimeSpan RetryDelay, TimeSpan MaxRetryAfter);
