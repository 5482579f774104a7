using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Pipeline;

/// <summary>
/// Polls an <see cref="IPollingSource"/>, stores every record of the page through the intake pipeline and keeps every
/// item it could not read in the dead-letter list, all before the cursor moves.
/// </summary>
public sealed class IntakePollTarget(IPollingSource source, IIntakePipeline pipeline, IDeadLetterStore deadLetters, TimeProvider time) : IPollTarget
{
    public string Name => source.Name;

    public async Task<PollResult> PollAsync(string? cursor, CancellationToken cancellationToken)
    {
        var page = await source.FetchAsync(cursor, cancellationToken);
        foreach (var item in page.Unreadable)
        {
            await deadLetters.AddAsync(new DeadLetter(source.Name, item.ExternalId, $"unreadable: {item.Reason}", item.Payload, time.GetUtcNow()), cancellationToken);
        }

        if (page.Records.Count > 0)
        {
            // Every record of the page must be stored (or dead-lettered) before the cursor moves.
            // Records of one thread go in page order (the first opens the ticket, the later ones
            // thread onto it: a call before its transfer legs, a mail before its reply); different
            // threads are stored concurrently.
            await Task.WhenAll(InPageOrderPerThread(page.Records).Select(thread => SubmitInOrderAsync(thread, cancellationToken)));
        }

        return new PollResult(page.NextCursor, page.Records.Count, page.HasMore);
    }

    internal static IEnumerable<IReadOnlyList<IntakeRecord>> InPageOrderPerThread(IReadOnlyList<IntakeRecord> records)
    {
        var threads = new Dictionary<string, List<IntakeRecord>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (string.IsNullOrEmpty(record.ThreadKey))
            {
                yield return [record];
                continue;
            }

            if (!threads.TryGetValue(record.ThreadKey, out var thread))
            {
                threads[record.ThreadKey] = thread = [];
            }

            thread.Add(record);
        }

        foreach (var thread in threads.Values)
        {
            yield return thread;
        }
    }

    private async Task SubmitInOrderAsync(IReadOnlyList<IntakeRecord> thread, CancellationToken cancellationToken)
    {
        foreach (var record in thread)
        {
            await pipeline.SubmitAsync(record, cancellationToken);
        }
    }
}
