using SyncHub.Adapters;

namespace SyncHub.Pipeline;

/// <summary>Polls an <see cref="IPollingSource"/> and stores every record of the page through the intake pipeline.</summary>
public sealed class IntakePollTarget(IPollingSource source, IIntakePipeline pipeline) : IPollTarget
{
    public string Name => source.Name;

    public async Task<PollResult> PollAsync(string? cursor, CancellationToken cancellationToken)
    {
        var page = await source.FetchAsync(cursor, cancellationToken);
        if (page.Records.Count > 0)
        {
            // Every record of the page must be stored (or dead-lettered) before the cursor moves.
            await Task.WhenAll(page.Records.Select(r => pipeline.SubmitAsync(r, cancellationToken)));
        }

        return new PollResult(page.NextCursor, page.Records.Count, page.HasMore);
    }
}
