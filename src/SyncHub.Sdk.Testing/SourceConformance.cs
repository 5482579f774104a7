namespace SyncHub.Sdk.Testing;

/// <summary>
/// The contract of every paged source (a polling source, an account source), whatever it talks to. The core calls
/// <c>FetchAsync(cursor)</c>, stores the page and only then commits its cursor; a fetch that throws is retried from
/// the same cursor. So a source must page through a backlog handing over every item once, keep no position of its own
/// (a page read again, or by a new instance after a restart, is the same page), and fail a fetch by throwing, without
/// credentials in the error. Derive one test class per source; each hook arranges the tool (a WireMock server, a
/// mail server) before <see cref="CreateSource"/> is called.
/// </summary>
/// <typeparam name="TSource">The source type.</typeparam>
/// <typeparam name="TPage">The page type it returns.</typeparam>
public abstract class SourceConformance<TSource, TPage> : ConformanceSuite
    where TSource : class
{
    /// <summary>Uses <paramref name="shape"/> to read the source's pages.</summary>
    protected SourceConformance(PageShape<TSource, TPage> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Shape = shape;
    }

    /// <summary>How the source's pages are read.</summary>
    protected PageShape<TSource, TPage> Shape { get; }

    /// <summary>The cursor the poller starts from (null: the source's configured start).</summary>
    protected virtual string? InitialCursor => null;

    /// <summary>How far the fake clock moves per step while a fetch waits (retries, Retry-After).</summary>
    protected virtual TimeSpan PumpStep => TimeSpan.FromSeconds(1);

    /// <summary>How long (real time) a fetch from a tool that answers may take.</summary>
    protected virtual TimeSpan PlainFetchBound => TimeSpan.FromSeconds(30);

    /// <summary>The most pages one sync may take before the kit calls it endless.</summary>
    protected virtual int MaxPages => 50;

    /// <summary>
    /// A new instance of the source, as the host creates it (usually through <see cref="ConformanceSuite.Harness"/>),
    /// against the tool as the last Arrange hook left it. Every call gives a new instance: the kit uses two to play a
    /// restart.
    /// </summary>
    protected abstract TSource CreateSource();

    /// <summary>
    /// Makes the tool hold a backlog longer than one page (configure a small page size) from <see cref="InitialCursor"/>,
    /// replacing whatever it answered before, and returns the ids the source must hand over for it (see
    /// <see cref="PageShape{TSource, TPage}.IdsOf"/>), each once.
    /// </summary>
    protected abstract Task<IReadOnlyCollection<string>> ArrangeBacklogAsync();

    /// <summary>Makes the tool fail every request (5xx, a refused connection) until another Arrange hook replaces it.</summary>
    protected abstract Task ArrangeUnavailableAsync();

    /// <summary>Makes the tool refuse the configured credentials (401/403, a rejected login).</summary>
    protected abstract Task ArrangeCredentialsRefusedAsync();

    /// <summary>
    /// One fetch on a clock that stands still (a source needs no wait to read a tool that answers); fails when it
    /// does not finish within a generous real-time bound.
    /// </summary>
    protected async Task<TPage> FetchAsync(TSource source, string? cursor)
    {
        var fetch = Shape.FetchAsync(source, cursor, CancellationToken.None);
        var finished = await Task.WhenAny(fetch, Task.Delay(PlainFetchBound));
        Assert.True(finished == fetch, $"a fetch from a tool that answers did not finish within {PlainFetchBound}: does it wait on the clock?");
        return await fetch;
    }

    /// <summary>One fetch, the fake clock advanced in <see cref="PumpStep"/>s while it waits (retries, backoff, Retry-After).</summary>
    protected Task<TPage> PumpedFetchAsync(TSource source, string? cursor) =>
        Time.PumpAsync(Shape.FetchAsync(source, cursor, CancellationToken.None), PumpStep);

    /// <summary>
    /// Fetches from <paramref name="cursor"/> as the poller does, committing each page's cursor (a null cursor keeps the
    /// current one), until a page says no more wait; each page with the cursor it was read from.
    /// </summary>
    protected async Task<IReadOnlyList<(string? From, TPage Page)>> ReadAllAsync(TSource source, string? cursor)
    {
        var pages = new List<(string?, TPage)>();
        await SourcePaging.ReadAllAsync(
            async c =>
            {
                var page = await FetchAsync(source, c);
                pages.Add((c, page));
                return page;
            },
            Shape.CursorOf,
            Shape.HasMore,
            cursor,
            MaxPages);
        return pages;
    }

    /// <summary>A backlog is handed over page by page, every item once, each page moving the cursor on.</summary>
    [Fact]
    public async Task FetchAsync_Backlog_PagesThroughHandingOverEveryItemOnce()
    {
        var expected = await ArrangeBacklogAsync();
        var source = CreateSource();

        var pages = await ReadAllAsync(source, InitialCursor);

        Assert.NotEmpty(expected);
        Assert.True(pages.Count > 1, "ArrangeBacklogAsync must arrange more than one page (configure a small page size)");
        foreach (var (from, page) in pages)
        {
            Shape.AssertConforms(page, Shape.NameOf(source));
            if (Shape.HasMore(page))
            {
                var next = Shape.CursorOf(page);
                Assert.True(next is not null && next != from, $"a page that says more wait must move the cursor (read from '{from}', next '{next}'), or the poller reads it for ever");
            }
        }

        AssertSameItems(expected, pages.SelectMany(p => Shape.IdsOf(p.Page)));
    }

    /// <summary>A page whose cursor was not committed is the same page when read again, by the same or a new instance.</summary>
    [Fact]
    public async Task FetchAsync_PageReadAgainBeforeItsCursorIsCommitted_IsTheSamePage()
    {
        await ArrangeBacklogAsync();
        var source = CreateSource();

        var first = await FetchAsync(source, InitialCursor);
        var again = await FetchAsync(source, InitialCursor);
        var afterRestart = await FetchAsync(CreateSource(), InitialCursor);

        Assert.NotEmpty(Shape.IdsOf(first));
        foreach (var page in new[] { again, afterRestart })
        {
            Assert.Equal(Shape.IdsOf(first), Shape.IdsOf(page));
            Assert.Equal(Shape.CursorOf(first), Shape.CursorOf(page));
            Assert.Equal(Shape.HasMore(first), Shape.HasMore(page));
        }
    }

    /// <summary>A new instance (a restart) continues from the committed cursor without losing or repeating an item.</summary>
    [Fact]
    public async Task FetchAsync_NewInstanceAfterACommittedPage_ContinuesWithoutLossOrDuplicate()
    {
        var expected = await ArrangeBacklogAsync();
        var first = await FetchAsync(CreateSource(), InitialCursor);

        var rest = await ReadAllAsync(CreateSource(), Shape.CursorOf(first) ?? InitialCursor);

        Assert.True(Shape.HasMore(first), "ArrangeBacklogAsync must arrange more than one page");
        AssertSameItems(expected, Shape.IdsOf(first).Concat(rest.SelectMany(p => Shape.IdsOf(p.Page))));
    }

    /// <summary>
    /// When the tool fails, the fetch throws (so the core keeps the cursor and retries) without credentials in the
    /// error, and once the tool is back the same instance reads everything from the same cursor.
    /// </summary>
    [Fact]
    public async Task FetchAsync_ToolUnavailable_ThrowsAndLaterReadsFromTheSameCursor()
    {
        await ArrangeUnavailableAsync();
        var source = CreateSource();

        var error = await FailureOfAsync(PumpedFetchAsync(source, InitialCursor));

        Assert.True(error is not null, "a fetch the tool failed must throw, so that the core retries it from the same cursor");
        AssertNoSecret(error);

        var expected = await ArrangeBacklogAsync();
        var pages = await ReadAllAsync(source, InitialCursor);
        AssertSameItems(expected, pages.SelectMany(p => Shape.IdsOf(p.Page)));
    }

    /// <summary>Refused credentials fail the fetch with an error that does not show them, and no log entry shows them.</summary>
    [Fact]
    public async Task FetchAsync_CredentialsRefused_ThrowsWithoutShowingThem()
    {
        await ArrangeCredentialsRefusedAsync();
        var source = CreateSource();

        var error = await FailureOfAsync(PumpedFetchAsync(source, InitialCursor));

        Assert.NotEmpty(Secrets);
        Assert.True(error is not null, "a fetch with refused credentials must throw");
        AssertNoSecret(error);
        AssertNoSecretLogged();
    }

    /// <summary>
    /// The exception <paramref name="call"/> ended with, or null when it succeeded; a call that hangs on the fake clock
    /// fails the test instead.
    /// </summary>
    protected static async Task<Exception?> FailureOfAsync(Task call)
    {
        var error = await Record.ExceptionAsync(() => call);
        return error is FakeClockExhaustedException ? throw new Xunit.Sdk.XunitException($"the call hangs: {error.Message}") : error;
    }

    /// <summary>Fails unless <paramref name="actual"/> holds exactly the ids of <paramref name="expected"/>, each once.</summary>
    protected static void AssertSameItems(IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var handedOver = actual.ToList();
        var duplicates = handedOver.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"handed over more than once: {string.Join(", ", duplicates)}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), handedOver.Order(StringComparer.Ordinal));
    }
}
