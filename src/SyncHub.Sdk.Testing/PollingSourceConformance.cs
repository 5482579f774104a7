using SyncHub.Adapters;

namespace SyncHub.Sdk.Testing;

/// <summary>
/// The conformance tests of an <see cref="IPollingSource"/> that reads an HTTP API: paging, cursors, restarts, errors,
/// credentials and rate limits (see <see cref="SourceConformance{TSource, TPage}"/> and
/// <see cref="HttpSourceConformance{TSource, TPage}"/>), and every record carries the source's name, a usable
/// external id and fits the record limits. A polling source that does not speak HTTP (IMAP) derives from
/// <see cref="SourceConformance{TSource, TPage}"/> with <see cref="IntakePages{TSource}.Instance"/> instead.
/// </summary>
/// <typeparam name="TSource">The polling source type.</typeparam>
public abstract class PollingSourceConformance<TSource> : HttpSourceConformance<TSource, IntakePage>
    where TSource : class, IPollingSource
{
    /// <summary>Reads pages of intake records.</summary>
    protected PollingSourceConformance()
        : base(IntakePages<TSource>.Instance)
    {
    }
}
