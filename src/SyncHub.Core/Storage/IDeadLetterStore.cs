namespace SyncHub.Storage;

/// <summary>The dead-letter list: poison records with their reason, newest last.</summary>
public interface IDeadLetterStore
{
    Task AddAsync(DeadLetter letter, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DeadLetter>> ListAsync(int count, CancellationToken cancellationToken = default);

    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
