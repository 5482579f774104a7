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

    /// <summary>The HTTP status Rocket.Chat answered, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }
}
