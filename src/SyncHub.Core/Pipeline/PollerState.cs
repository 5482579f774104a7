namespace SyncHub.Pipeline;

/// <summary>The last thing each poller did, read by the health checks and the metrics (never the tool itself).</summary>
public sealed class PollerState
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Status> states = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Status> Snapshot => states;

    public void Started(string source) => states.TryAdd(source, new Status(null, null, 0));

    public void Succeeded(string source, DateTimeOffset at) =>
        states.AddOrUpdate(
            source,
            _ => new Status(at, null, 0),
            (_, s) => s with { LastSuccessAt = at, LastError = null, ConsecutiveFailures = 0 });

    public void Failed(string source, string error) =>
        states.AddOrUpdate(source, _ => new Status(null, error, 1), (_, s) => s with { LastError = error, ConsecutiveFailures = s.ConsecutiveFailures + 1 });

    /// <summary>This instance holds the source's lease and polls it.</summary>
    public void Holding(string source, long token) =>
        states.AddOrUpdate(
            source,
            _ => new Status(null, null, 0) { HoldsLease = true, LeaseToken = token },
            (_, s) => s with { HoldsLease = true, LeaseToken = token });

    /// <summary>
    /// Another instance holds the source's lease (or this one just lost it). The lease store answered, so failures
    /// counted while this instance polled or could not reach the store no longer count.
    /// </summary>
    public void Standby(string source) =>
        states.AddOrUpdate(
            source,
            _ => new Status(null, null, 0),
            (_, s) => s with { HoldsLease = false, LeaseToken = null, ConsecutiveFailures = 0 });

    /// <summary>
    /// One poller's state: the last good poll, the last error and how many polls failed in a row since; whether this
    /// instance holds the source's lease, and its fencing token.
    /// </summary>
    public sealed record Status(DateTimeOffset? LastSuccessAt, string? LastError, int ConsecutiveFailures)
    {
        public bool HoldsLease { get; init; }

        public long? LeaseToken { get; init; }
    }
}
