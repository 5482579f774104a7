using System.Collections.Concurrent;

namespace SyncHub.Storage.InMemory;

/// <summary>Cursors in process memory.</summary>
public sealed class InMemoryCheckpointStore : ICheckpointStore
{
    private readonly ConcurrentDictionary<string, string> cursors = new(StringComparer.Ordinal);

    public Task<string?> GetAsync(string source, CancellationToken cancellationToken = default) =>
        Task.FromResult(cursors.TryGetValue(source, out var cursor) ? cursor : null);

    public Task SetAsync(string source, string cursor, CancellationToken cancellationToken = default)
    {
        cursors[source] = cursor;
        return Task.CompletedTask;
    }

    public Task ResetAsync(string source, CancellationToken cancellationToken = default)
    {
        cursors.TryRemove(source, out _);
        return Task.CompletedTask;
    }
}
