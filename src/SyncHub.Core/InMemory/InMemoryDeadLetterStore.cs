using System.Collections.Concurrent;
using SyncHub.Storage;

namespace SyncHub.InMemory;

/// <summary>The dead-letter list in process memory.</summary>
public sealed class InMemoryDeadLetterStore : IDeadLetterStore
{
    private readonly ConcurrentQueue<DeadLetter> letters = new();

    public Task AddAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        letters.Enqueue(letter);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeadLetter>> ListAsync(int count, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DeadLetter>>([.. letters.Reverse().Take(count).Reverse()]);

    public Task<long> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult((long)letters.Count);
}
