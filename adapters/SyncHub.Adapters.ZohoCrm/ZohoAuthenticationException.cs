namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// Zoho refused the credentials: the refresh-token grant failed (<c>{"error":"invalid_code"}</c>: a revoked or
/// wrong refresh token, client id or secret, or the wrong data centre), or the CRM rejected a freshly refreshed
/// access token. Retrying does not help until the configuration is fixed.
/// </summary>
public sealed class ZohoAuthenticationException : ZohoCrmException
{
    public ZohoAuthenticationException()
    {
    }

    public ZohoAuthenticationException(string message)
        : base(message)
    {
    }

    public ZohoAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ZohoAuthenticationException(string message, string? code)
        : base(message, code)
    {
    }
}
