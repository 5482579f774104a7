namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// A Zoho CRM call failed. The poller logs it and retries the poll with backoff from the same cursor, so no
/// page is skipped. <see cref="Code"/> is Zoho's error code (<c>INVALID_DATA</c>, <c>invalid_code</c>...) when
/// Zoho gave one. Messages never hold tokens or secrets.
/// </summary>
public class ZohoCrmException : Exception
{
    public ZohoCrmException()
    {
    }

    public ZohoCrmException(string message)
        : base(message)
    {
    }

    public ZohoCrmException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ZohoCrmException(string message, string? code, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public string? Code { get; }
}
