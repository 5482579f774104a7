namespace SyncHub.Storage;

/// <summary>
/// What a dead-letter store offers beside <see cref="IDeadLetterStore"/> so letters can be replayed: taking a letter out
/// of the list once it went through the pipeline again. A separate interface, so stores written against the original
/// contract keep compiling; <see cref="DeadLetterReplay"/> needs both.
/// </summary>
public interface IDeadLetterRemover
{
    /// <summary>
    /// Removes one stored occurrence of each of <paramref name="letters"/> (compared by value) and returns how many were
    /// removed; a letter no longer in the list (another replay took it) is not counted and is no error.
    /// </summary>
    Task<int> RemoveAsync(IReadOnlyCollection<DeadLetter> letters, CancellationToken cancellationToken = default);
}
