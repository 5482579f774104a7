using System.Net;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// The X API failed or answered something unusable. A fetch that throws is retried by the poller with backoff; the
/// cursor stays where it was.
/// </summary>
public class TwitterException : Exception
{
    public TwitterException()
    {
    }

    public TwitterException(string message)
        : base(message)
    {
    }

    public TwitterException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public TwitterException(string message, HttpStatusCode? statusCode, string? invalidParameter = null)
        : base(message)
    {
        StatusCode = statusCode;
        InvalidParameter = invalidParameter;
    }

    /// <summary>The HTTP status X answered, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The request parameter a 400 named as invalid (e.g. <c>pagination_token</c>), when it named one.</summary>
    public string? InvalidParameter { get; }
}
