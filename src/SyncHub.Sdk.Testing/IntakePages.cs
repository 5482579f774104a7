using SyncHub.Adapters;

namespace SyncHub.Sdk.Testing;

/// <summary>The <see cref="PageShape{TSource, TPage}"/> of an <see cref="IPollingSource"/>: pages of intake records.</summary>
/// <typeparam name="TSource">The polling source type.</typeparam>
public sealed class IntakePages<TSource> : PageShape<TSource, IntakePage>
    where TSource : IPollingSource
{
    /// <summary>The one instance.</summary>
    public static IntakePages<TSource> Instance { get; } = new();

    private IntakePages()
    {
    }

    /// <inheritdoc />
    public override string NameOf(TSource source) => source.Name;

    /// <inheritdoc />
    public override Task<IntakePage> FetchAsync(TSource source, string? cursor, CancellationToken cancellationToken) =>
        source.FetchAsync(cursor, cancellationToken);

    /// <inheritdoc />
    public override IReadOnlyList<string> IdsOf(IntakePage page) => [.. page.Records.Select(r => r.ExternalId)];

    /// <inheritdoc />
    public override string? CursorOf(IntakePage page) => page.NextCursor;

    /// <inheritdoc />
    public override bool HasMore(IntakePage page) => page.HasMore;

    /// <inheritdoc />
    public override void AssertConforms(IntakePage page, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(page);
        foreach (var record in page.Records)
        {
            RecordAssert.Conforms(record, sourceName);
        }
    }
}
