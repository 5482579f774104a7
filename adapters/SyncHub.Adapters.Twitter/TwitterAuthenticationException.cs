using System.Net;

namespace SyncHub.Adapters.Twitter;

/// <summary>X refused the bearer token (401) or the app's access to the endpoint (403): an operator must fix the configuration.</summary>
public sealed class TwitterAuthenticationException : TwitterException
{
    public TwitterAuthenticationException()
    {
    }

    public TwitterAuthenticationException(string message)
        : base(message)
    {
    }

    public TwitterAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public TwitterAuthenticationException(string message, HttpStatusCode statusCode)
        : base(message, statusCode)
    {
    }
}
