using SyncHub.Storage;

namespace SyncHub.InMemory;

/// <summary>Cursors in process memory, each with the highest fencing token it was committed with.</summary>
public sealed class InMemoryCheckpointStore : ICheckpointStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, string> cursors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> tokens = new(StringComparer.Ordinal);

    public Task<string?> GetAsync(string source, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(cursors.TryGetValue(source, out var cursor) ? cursor : null);
        }
    }

    public Task SetAsync(string source, string cursor, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            cursors[source] = cursor;
        }

        return Task.CompletedTask;
    }

    public Task<bool> SetAsync(string source, string cursor, long fencingToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(cursor);
        lock (gate)
        {
            if (tokens.TryGetValue(source, out var highest) && fencingToken < highest)
            {
                return Task.FromResult(false);
            }

            tokens[source] = fencingToken;
            cursors[source] = cursor;
            return Task.FromResult(true);
        }
    }

    public Task ResetAsync(string source, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            cursors.Remove(source);
        }

        return Task.CompletedTask;
    }
}
