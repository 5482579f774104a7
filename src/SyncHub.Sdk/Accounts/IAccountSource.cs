namespace SyncHub.Adapters;

/// <summary>
/// A CRM-like tool that holds customer accounts, read by polling into the local account directory. The core
/// calls <see cref="FetchAsync"/> on the source's interval, upserts the page into the
/// account directory and only then commits <see cref="AccountPage.NextCursor"/>.
/// A fetch that throws is retried with backoff by the core; the cursor stays where it was.
/// </summary>
public interface IAccountSource
{
    /// <summary>The adapter name: the configuration key, the <c>source</c> tag on metrics, the checkpoint key.</summary>
    string Name { get; }

    /// <summary>Reads the page after <paramref name="cursor"/> (null: from the configured start, e.g. a full sync).</summary>
    Task<AccountPage> FetchAsync(string? cursor, CancellationToken cancellationToken);
}
