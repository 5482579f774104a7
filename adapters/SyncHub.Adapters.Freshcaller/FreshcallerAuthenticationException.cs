using System.Net;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>Freshcaller refused the API key (401) or its user's rights (403): an operator must fix the configuration.</summary>
public sealed class FreshcallerAuthenticationException : FreshcallerException
{
    public FreshcallerAuthenticationException()
    {
    }

    public FreshcallerAuthenticationException(string message)
        : base(message)
    {
    }

    public FreshcallerAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public FreshcallerAuthenticationException(string message, HttpStatusCode statusCode, string? errorType = null)
        : base(message, statusCode, errorType)
    {
    }
}
