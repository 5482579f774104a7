namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// Zoho CRM answered 429 (API credits or concurrency exhausted) after the HTTP client's own retries, or asked
/// to wait longer than <c>MaxRetryAfter</c>. The page is not skipped: the poll fails, the cursor stays, and the
/// poller retries with backoff.
/// </summary>
public sealed class ZohoRateLimitedException : ZohoCrmException
{
    public ZohoRateLimitedException()
    {
    }

    public ZohoRateLimitedException(string message)
        : base(message)
    {
    }

    public ZohoRateLimitedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ZohoRateLimitedException(string module, TimeSpan? retryAfter, string? code)
        : base($"Zoho CRM rate limit reached reading {module} ({code ?? "429"}); retry after {retryAfter?.ToString() ?? "an unknown delay"}", code)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>The wait Zoho asked for in its Retry-After header, if any.</summary>
    public TimeSpan? RetryAfter { get; }
}
