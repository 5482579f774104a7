namespace SyncHub.Adapters.JsonFeed;

/// <summary>The feed could not be read (an error status, an answer that is not the configured shape); the poll is retried.</summary>
public sealed class JsonFeedException : Exception
{
    public JsonFeedException()
    {
    }

    public JsonFeedException(string message)
        : base(message)
    {
    }

    public JsonFeedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
