namespace SyncHub.Pipeline;

/// <summary>The hub is stopping and takes no more records; the sender retries later.</summary>
public sealed class PipelineStoppedException : Exception
{
    public PipelineStoppedException()
        : base("The intake pipeline is stopping.")
    {
    }

    public PipelineStoppedException(string message)
        : base(message)
    {
    }

    public PipelineStoppedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
