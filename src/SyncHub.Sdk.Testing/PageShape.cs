namespace SyncHub.Sdk.Testing;

/// <summary>
/// How <see cref="SourceConformance{TSource, TPage}"/> reads a paged source: the fetch, the ids of what a page
/// hands over, its cursor and whether more pages wait, and what every item of a page must satisfy. The kit has one
/// for polling sources (<see cref="IntakePages{TSource}"/>) and one for account sources (<see cref="AccountPages{TSource}"/>).
/// </summary>
/// <typeparam name="TSource">The source type.</typeparam>
/// <typeparam name="TPage">The page type it returns.</typeparam>
public abstract class PageShape<TSource, TPage>
{
    /// <summary>The source's name: the configuration key, the checkpoint key, the <c>source</c> of what it hands over.</summary>
    public abstract string NameOf(TSource source);

    /// <summary>Reads the page after <paramref name="cursor"/>.</summary>
    public abstract Task<TPage> FetchAsync(TSource source, string? cursor, CancellationToken cancellationToken);

    /// <summary>The idempotency ids of what <paramref name="page"/> hands over, in page order.</summary>
    public abstract IReadOnlyList<string> IdsOf(TPage page);

    /// <summary>The cursor the poller commits once the page is stored (null: keep the current one).</summary>
    public abstract string? CursorOf(TPage page);

    /// <summary>True when the poller should fetch the next page at once.</summary>
    public abstract bool HasMore(TPage page);

    /// <summary>Fails when an item of <paramref name="page"/> breaks the contract of a source named <paramref name="sourceName"/>.</summary>
    public abstract void AssertConforms(TPage page, string sourceName);
}
