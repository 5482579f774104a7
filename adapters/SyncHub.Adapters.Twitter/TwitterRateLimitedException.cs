using System.Net;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// X answered 429 Too Many Requests, or its window resets later than the adapter waits within one fetch. Carries the
/// instant the window resets (when X said it); the poller backs off and the cursor stays, so nothing is skipped.
/// </summary>
public sealed class TwitterRateLimitedException : TwitterException
{
    public TwitterRateLimitedException()
    {
    }

    public TwitterRateLimitedException(string message)
        : base(message)
    {
    }

    public TwitterRateLimitedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public TwitterRateLimitedException(string message, DateTimeOffset? resetAt)
        : base(message, HttpStatusCode.TooManyRequests)
    {
        ResetAt = resetAt;
    }

    /// <summary>When the rate-limit window resets (<c>x-rate-limit-reset</c>), if X said.</summary>
    public DateTimeOffset? ResetAt { get; }
}
