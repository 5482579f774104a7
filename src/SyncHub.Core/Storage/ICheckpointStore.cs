namespace SyncHub.Storage;

/// <summary>The cursor of each polling source, committed only after every record of a page is stored.</summary>
public interface ICheckpointStore
{
    Task<string?> GetAsync(string source, CancellationToken cancellationToken = default);

    Task SetAsync(string source, string cursor, CancellationToken cancellationToken = default);

    Task ResetAsync(string source, CancellationToken cancellationToken = default);
}
