namespace SyncHub.Adapters;

/// <summary>
/// A tool that is read by polling. The core calls <see cref="FetchAsync"/> on the source's interval,
/// stores every record of the page and only then commits <see cref="IntakePage.NextCursor"/>.
/// A fetch that throws is retried with backoff by the core; the cursor stays where it was.
/// </summary>
public interface IPollingSource
{
    /// <summary>The adapter name: the configuration key, the <c>source</c> tag on metrics, the health-check name.</summary>
    string Name { get; }

    /// <summary>Reads the page of records after <paramref name="cursor"/> (null: from the configured start).</summary>
    Task<IntakePage> FetchAsync(string? cursor, CancellationToken cancellationToken);
}
