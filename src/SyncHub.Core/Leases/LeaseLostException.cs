namespace SyncHub.Leases;

/// <summary>
/// The work a lease guards must stop: the lease expired, another instance holds it, or the store refused a write
/// stamped with its fencing token because a later holder has written. Never retried; the poller goes back to
/// acquiring the lease.
/// </summary>
public sealed class LeaseLostException : Exception
{
    public LeaseLostException()
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
