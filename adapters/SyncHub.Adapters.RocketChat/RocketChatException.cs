using System.Net;

namespace SyncHub.Adapters.RocketChat;

/// <summary>
/// A message could not be delivered now (Rocket.Chat unreachable, timed out, 5xx, 429); the outbox dispatcher retries
/// it with backoff, and the retry carries the same message id.
/// </summary>
public class RocketChatException : Exception
{
    public RocketChatException()
    {
    }

    public RocketChatException(string message)
        : base(message)
    {
    }

    public RocketChatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public RocketChatException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <param name="message">What failed.</param>
    /// <param name="statusCode">The status Rocket.Chat answered.</param>
    /// <param name="retryAfter">How long its rate limiter asked to wait, when it did.</param>
    public RocketChatException(string message, HttpStatusCode? statusCode, TimeSpan? retryAfter)
        : base(message)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status Rocket.Chat answered, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>How long Rocket.Chat's rate limiter asked to wait (its <c>X-RateLimit-Reset</c>), when it did.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when Rocket.Chat's rate limiter refused the call.</summary>
    public bool IsRateLimited { get; init; }
}
