namespace SyncHub.Workflow;

/// <summary>The canned answers, kept in the store so every instance and every agent sees the same.</summary>
public interface ICannedAnswerStore
{
    /// <summary>Every canned answer, by title.</summary>
    Task<IReadOnlyList<CannedAnswer>> ListAsync(CancellationToken cancellationToken = default);

    Task<CannedAnswer?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Adds <paramref name="answer"/> unless its id exists; returns the stored one (the existing one on a retry).</summary>
    Task<CannedAnswer> AddAsync(CannedAnswer answer, CancellationToken cancellationToken = default);

    /// <summary>Replaces an existing answer; false when there is none with its id.</summary>
    Task<bool> ReplaceAsync(CannedAnswer answer, CancellationToken cancellationToken = default);

    /// <summary>Removes the answer; false when there was none.</summary>
    Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default);
}
