using SyncHub.Adapters;

namespace SyncHub.Sdk.Testing;

/// <summary>Reads a source page after page as the poller does: each page's cursor committed (a null one keeps the current cursor) while more pages wait.</summary>
public static class SourcePaging
{
    /// <summary>The most pages one read takes before it is called endless.</summary>
    public const int DefaultMaxPages = 50;

    /// <summary>The pages of <paramref name="source"/> from <paramref name="cursor"/> until one says no more wait.</summary>
    public static Task<IReadOnlyList<IntakePage>> ReadAllAsync(this IPollingSource source, string? cursor = null, int maxPages = DefaultMaxPages)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReadAllAsync(c => source.FetchAsync(c, CancellationToken.None), p => p.NextCursor, p => p.HasMore, cursor, maxPages);
    }

    /// <summary>The pages of <paramref name="source"/> from <paramref name="cursor"/> until one says no more wait.</summary>
    public static Task<IReadOnlyList<AccountPage>> ReadAllAsync(this IAccountSource source, string? cursor = null, int maxPages = DefaultMaxPages)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReadAllAsync(c => source.FetchAsync(c, CancellationToken.None), p => p.NextCursor, p => p.HasMore, cursor, maxPages);
    }

    /// <summary>The pages <paramref name="fetch"/> reads from <paramref name="cursor"/> until one says no more wait.</summary>
    public static async Task<IReadOnlyList<TPage>> ReadAllAsync<TPage>(
        Func<string?, Task<TPage>> fetch,
        Func<TPage, string?> cursorOf,
        Func<TPage, bool> hasMore,
        string? cursor = null,
        int maxPages = DefaultMaxPages)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(cursorOf);
        ArgumentNullException.ThrowIfNull(hasMore);
        var pages = new List<TPage>();
        for (var i = 0; i < maxPages; i++)
        {
            var page = await fetch(cursor);
            pages.Add(page);
            if (!hasMore(page))
            {
                return pages;
            }

            cursor = cursorOf(page) ?? cursor;
        }

        throw new InvalidOperationException($"the source still said more pages wait after {maxPages} fetches");
    }
}
