namespace SyncHub.Sdk.Testing;

/// <summary>
/// <see cref="SourceConformance{TSource, TPage}"/> for a source that talks to an HTTP API, plus rate limits: a short
/// limit is waited out on the injected clock (or fails the fetch) but never skips a page, and a limit longer than the
/// source will wait fails the fetch at once instead of blocking the poller.
/// </summary>
/// <typeparam name="TSource">The source type.</typeparam>
/// <typeparam name="TPage">The page type it returns.</typeparam>
public abstract class HttpSourceConformance<TSource, TPage> : SourceConformance<TSource, TPage>
    where TSource : class
{
    /// <summary>Uses <paramref name="shape"/> to read the source's pages.</summary>
    protected HttpSourceConformance(PageShape<TSource, TPage> shape)
        : base(shape)
    {
    }

    /// <summary>A rate limit the source is expected to wait out (below its longest wait).</summary>
    protected virtual TimeSpan ShortRateLimit => TimeSpan.FromSeconds(20);

    /// <summary>A rate limit longer than the source waits (above its longest wait).</summary>
    protected virtual TimeSpan LongRateLimit => TimeSpan.FromDays(1);

    /// <summary>
    /// Makes the tool answer the first request 429 with its own rate-limit header(s) saying to wait
    /// <paramref name="wait"/> (from <see cref="ConformanceSuite.Time"/>'s now), then serve the backlog of
    /// <see cref="SourceConformance{TSource, TPage}.ArrangeBacklogAsync"/>.
    /// </summary>
    protected abstract Task ArrangeRateLimitedOnceAsync(TimeSpan wait);

    /// <summary>Makes the tool answer every request 429 with its rate-limit header(s) saying to wait <paramref name="wait"/>.</summary>
    protected abstract Task ArrangeRateLimitedAsync(TimeSpan wait);

    /// <summary>
    /// A short rate limit either is waited out on the clock and then gives the page the tool holds, or fails the fetch;
    /// it never turns into an empty page that moves the cursor past what was not read.
    /// </summary>
    [Fact]
    public async Task FetchAsync_RateLimitedBriefly_WaitsOnTheClockOrFailsButNeverSkips()
    {
        await ArrangeRateLimitedOnceAsync(ShortRateLimit);
        var source = CreateSource();
        var start = Time.GetUtcNow();

        var fetch = Time.PumpAsync(Shape.FetchAsync(source, InitialCursor, CancellationToken.None), ShortRateLimit / 20);
        var error = await FailureOfAsync(fetch);

        var unlimited = await FetchAsync(CreateSource(), InitialCursor);
        Assert.NotEmpty(Shape.IdsOf(unlimited));
        if (error is null)
        {
            var page = await fetch;
            Assert.True(Time.GetUtcNow() - start >= ShortRateLimit, $"the source read the page without waiting the {ShortRateLimit} the tool asked for");
            Assert.Equal(Shape.IdsOf(unlimited), Shape.IdsOf(page));
        }
        else
        {
            AssertNoSecret(error);
        }
    }

    /// <summary>A rate limit longer than the source waits fails the fetch at once (the core retries later); it does not block.</summary>
    [Fact]
    public async Task FetchAsync_RateLimitedForLong_FailsWithoutWaiting()
    {
        await ArrangeRateLimitedAsync(LongRateLimit);
        var source = CreateSource();

        var fetch = Shape.FetchAsync(source, InitialCursor, CancellationToken.None);
        var finished = await Task.WhenAny(fetch, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.True(finished == fetch, $"the fetch still waits on the clock for a rate limit of {LongRateLimit}: it must fail instead");
        var error = await Record.ExceptionAsync(() => fetch);
        Assert.NotNull(error);
        AssertNoSecret(error);
    }
}
