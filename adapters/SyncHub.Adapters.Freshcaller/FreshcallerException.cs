using System.Net;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// Freshcaller failed or answered something unusable. A fetch that throws is retried by the poller with backoff;
/// the cursor stays where it was.
/// </summary>
public class FreshcallerException : Exception
{
    public FreshcallerException()
    {
    }

    public FreshcallerException(string message)
        : base(message)
    {
    }

    public FreshcallerException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public FreshcallerException(string message, HttpStatusCode? statusCode, string? errorType = null)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
    }

    /// <summary>The HTTP status Freshcaller answered, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>How long Freshcaller asked to wait (its <c>Retry-After</c> on a 429), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Freshcaller's <c>error_type</c> (e.g. <c>record_not_found</c>), when the answer had one.</summary>
    public string? ErrorType { get; }
}
