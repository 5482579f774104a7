using System.Text.Json;
using SyncHub.Domain;
using SyncHub.Pipeline;

namespace SyncHub.Storage;

/// <summary>
/// Sends dead-lettered intake records through the intake pipeline again, oldest first, and takes each replayed letter
/// out of the list: one that fails again is dead-lettered anew by the pipeline (with today's reason), so the list never
/// loses a record. The store's idempotency makes a replay safe to repeat: a record that became a ticket meanwhile is a
/// duplicate. Outbox letters (undeliverable notifications) are not intake records and stay where they are.
/// </summary>
public sealed class DeadLetterReplay(IDeadLetterStore letters, IDeadLetterRemover remover, IIntakePipeline pipeline)
{
    /// <summary>Records submitted together (the pipeline stores them concurrently) before their letters are removed.</summary>
    public const int BatchSize = 100;

    private const string OutboxSourcePrefix = "outbox:";

    public async Task<DeadLetterReplayResult> ReplayAsync(string? source, int? limit, CancellationToken cancellationToken = default)
    {
        var listed = await letters.CountAsync(cancellationToken);
        var all = listed == 0 ? [] : await letters.ListAsync((int)Math.Min(listed, int.MaxValue), cancellationToken);
        var result = new DeadLetterReplayResult { Listed = listed };
        var chosen = new List<(DeadLetter Letter, IntakeRecord Record)>();
        foreach (var letter in all)
        {
            if (source is not null && !string.Equals(letter.Source, source, StringComparison.OrdinalIgnoreCase))
            {
                result = result with { OtherSource = result.OtherSource + 1 };
            }
            else if (letter.Source.StartsWith(OutboxSourcePrefix, StringComparison.Ordinal))
            {
                result = result with { OutboxEvents = result.OutboxEvents + 1 };
            }
            else if (Read(letter) is not { } record)
            {
                result = result with { Unreadable = result.Unreadable + 1 };
            }
            else if (limit is { } most && chosen.Count >= most)
            {
                result = result with { OverLimit = result.OverLimit + 1 };
            }
            else
            {
                chosen.Add((letter, record));
            }
        }

        foreach (var batch in chosen.Chunk(BatchSize))
        {
            var submitted = batch.Select(c => pipeline.SubmitAsync(c.Record, cancellationToken)).ToArray();
            try
            {
                await Task.WhenAll(submitted);
            }
            catch (Exception) when (submitted.Any(t => t.IsFaulted || t.IsCanceled))
            {
                // Tallied below: what was stored is removed, the rest stays for the next replay.
            }

            var done = new List<DeadLetter>(batch.Length);
            string? error = null;
            for (var i = 0; i < batch.Length; i++)
            {
                if (!submitted[i].IsCompletedSuccessfully)
                {
                    error ??= submitted[i].Exception?.GetBaseException().Message ?? "cancelled";
                    continue;
                }

                done.Add(batch[i].Letter);
                result = submitted[i].Result.Outcome switch
                {
                    IntakeOutcome.Created => result with { Created = result.Created + 1 },
                    IntakeOutcome.Duplicate => result with { Duplicates = result.Duplicates + 1 },
                    IntakeOutcome.Threaded => result with { Threaded = result.Threaded + 1 },
                    _ => result with { FailedAgain = result.FailedAgain + 1 },
                };
            }

            result = result with { Removed = result.Removed + await remover.RemoveAsync(done, cancellationToken) };
            if (error is not null)
            {
                return result with { Error = error };
            }
        }

        return result;
    }

    private static IntakeRecord? Read(DeadLetter letter)
    {
        try
        {
            return JsonSerializer.Deserialize<IntakeRecord>(letter.Payload, SyncHubJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }
}
