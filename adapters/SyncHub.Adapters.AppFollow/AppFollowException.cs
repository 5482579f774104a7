using System.Net;

namespace SyncHub.Adapters.AppFollow;

/// <summary>
/// AppFollow failed or answered something unusable. A fetch that throws is retried by the poller with backoff (the
/// cursor stays where it was); a reply that throws is retried by the outbox dispatcher.
/// </summary>
public class AppFollowException : Exception
{
    public AppFollowException()
    {
    }

    public AppFollowException(string message)
        : base(message)
    {
    }

    public AppFollowException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public AppFollowException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status AppFollow answered, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }
}
