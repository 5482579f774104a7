namespace SyncHub.Pipeline;

/// <summary>The last thing each poller did, read by the health check and the metrics (never the tool itself).</summary>
public sealed class PollerState
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Status> states = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Status> Snapshot => states;

    public void Started(string source) => states.TryAdd(source, new Status(null, null, 0));

    public void Succeeded(string source, DateTimeOffset at) =>
        states[source] = new Status(at, null, 0);

    public void Failed(string source, string error) =>
        states.AddOrUpdate(source, _ => new Status(null, error, 1), (_, s) => s with { LastError = error, ConsecutiveFailures = s.ConsecutiveFailures + 1 });

    /// <summary>One poller's state: the last good poll, the last error and how many polls failed in a row since.</summary>
    public sealed record Status(DateTimeOffset? LastSuccessAt, string? LastError, int ConsecutiveFailures);
}
