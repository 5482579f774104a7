using System.Net;

namespace SyncHub.Adapters.AppFollow;

/// <summary>
/// AppFollow refused the request for a reason a retry will not fix: the API token is invalid or expired (401), lacks
/// access (403), or the reply is refused (unknown review, too long). An operator must act.
/// </summary>
public sealed class AppFollowRejectedException : AppFollowException
{
    public AppFollowRejectedException()
    {
    }

    public AppFollowRejectedException(string message)
        : base(message)
    {
    }

    public AppFollowRejectedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public AppFollowRejectedException(string message, HttpStatusCode? statusCode)
        : base(message, statusCode)
    {
    }
}
