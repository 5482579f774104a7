namespace SyncHub.Host;

/// <summary>
/// A reason the hub must not start (a refused plugin, the sandbox outside Development): its message is the one line the
/// operator reads, naming the key or the plugin.
/// </summary>
internal sealed class StartFailureException : Exception
{
    public StartFailureException()
    {
    }

    public StartFailureException(string message)
        : base(message)
    {
    }

    public StartFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
