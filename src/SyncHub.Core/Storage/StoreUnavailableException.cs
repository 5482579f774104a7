namespace SyncHub.Storage;

/// <summary>
/// The store cannot be reached (connection lost, timeout). The outcome of a write in flight is unknown;
/// every write is idempotent, so the caller retries later.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
