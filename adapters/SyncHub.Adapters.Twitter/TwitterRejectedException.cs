using System.Net;

namespace SyncHub.Adapters.Twitter;

/// <summary>X refused a request for good (a 4xx other than 401 and 429): the problem's <see cref="Detail"/> says why.</summary>
public sealed class TwitterRejectedException : TwitterException
{
    public TwitterRejectedException()
    {
    }

    public TwitterRejectedException(string message)
        : base(message)
    {
    }

    public TwitterRejectedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public TwitterRejectedException(string message, HttpStatusCode statusCode, string? detail, string? invalidParameter = null)
        : base(message, statusCode, invalidParameter)
    {
        Detail = detail;
    }

    /// <summary>X's <c>detail</c> (and the messages of its <c>errors</c>), when it gave them.</summary>
    public string? Detail { get; }
}
