using System.Text.Json;
using SyncHub.Domain;
using SyncHub.Pipeline;

namespace SyncHub.Storage;

/// <summary>
/// Sends dead-lettered intake records through the intake pipeline again, oldest first, and takes each replayed letter
/// out of the list: one that fails again is dead-lettered anew by the pipeline (with today's reason), so the list never
/// loses a record. The store's idempotency makes a replay safe to repeat: a record that became a ticket meanwhile is a
/// duplicate. An outbox letter (a message its tool refused, e.g. an unknown room since fixed) is queued again for the
/// notifier that failed it, on its ticket, in one store step that also sets a reply back to queued; the step carries the
/// letter as its action key, so a replay repeated after a crash queues it once.
/// </summary>
public sealed class DeadLetterReplay(IDeadLetterStore letters, IDeadLetterRemover remover, IIntakePipeline pipeline, ITicketStore store)
{
    /// <summary>The outbox event data key of a replayed delivery: which letter it came from (its instant, epoch ms).</summary>
    public const string ReplayKey = "replay";

    /// <summary>Records submitted together (the pipeline stores them concurrently) before their letters are removed.</summary>
    public const int BatchSize = 100;

    private const string OutboxSourcePrefix = "outbox:";

    public async Task<DeadLetterReplayResult> ReplayAsync(string? source, int? limit, CancellationToken cancellationToken = default)
    {
        var listed = await letters.CountAsync(cancellationToken);
        var all = listed == 0 ? [] : await letters.ListAsync((int)Math.Min(listed, int.MaxValue), cancellationToken);
        var result = new DeadLetterReplayResult { Listed = listed };
        var chosen = new List<(DeadLetter Letter, IntakeRecord Record)>();
        var requeue = new List<(DeadLetter Letter, OutboxEvent Event)>();
        foreach (var letter in all)
        {
            if (source is not null && !string.Equals(letter.Source, source, StringComparison.OrdinalIgnoreCase))
            {
                result = result with { OtherSource = result.OtherSource + 1 };
            }
            else if (letter.Source.StartsWith(OutboxSourcePrefix, StringComparison.Ordinal))
            {
                if (ReadEvent(letter) is not { } evt)
                {
                    result = result with { Unreadable = result.Unreadable + 1 };
                }
                else if (limit is { } most && chosen.Count + requeue.Count >= most)
                {
                    result = result with { OverLimit = result.OverLimit + 1 };
                }
                else
                {
                    requeue.Add((letter, evt));
                }
            }
            else if (Read(letter) is not { } record)
            {
                result = result with { Unreadable = result.Unreadable + 1 };
            }
            else if (limit is { } most && chosen.Count + requeue.Count >= most)
            {
                result = result with { OverLimit = result.OverLimit + 1 };
            }
            else
            {
                chosen.Add((letter, record));
            }
        }

        var requeued = new List<DeadLetter>();
        foreach (var (letter, evt) in requeue)
        {
            if (await RequeueAsync(letter, evt, cancellationToken))
            {
                requeued.Add(letter);
            }
            else
            {
                result = result with { OrphanEvents = result.OrphanEvents + 1 };
            }
        }

        if (requeued.Count > 0)
        {
            result = result with { Requeued = requeued.Count, Removed = result.Removed + await remover.RemoveAsync(requeued, cancellationToken) };
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

    /// <summary>Queues <paramref name="evt"/> again for the notifier that failed it; false when its ticket is gone.</summary>
    private async Task<bool> RequeueAsync(DeadLetter letter, OutboxEvent evt, CancellationToken cancellationToken)
    {
        var notifier = letter.Source[OutboxSourcePrefix.Length..];
        var marker = letter.At.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var updated = await store.UpdateAsync(
            evt.TicketId,
            ticket =>
            {
                var again = evt with { Target = notifier, Data = new Dictionary<string, string>(evt.Data) { [ReplayKey] = marker } };
                var replies = ticket.Replies.TryGetValue(evt.Id, out var reply)
                    ? new Dictionary<string, ReplyDelivery>(ticket.Replies) { [evt.Id] = reply with { State = ReplyState.Queued, Reason = null } }
                    : ticket.Replies;
                var entry = new HistoryEntry(ticket.UpdatedAt, HistoryTypes.Notification, $"Delivery of {evt.Type} via {notifier} queued again from the dead letters", new Dictionary<string, string>
                {
                    ["eventId"] = evt.Id,
                    ["notifier"] = notifier,
                    ["status"] = "requeued",
                });
                return new TicketChange(ticket with { Replies = replies }, [entry], [again]) { ActionKey = $"replay:{notifier}:{evt.Id}:{marker}" };
            },
            cancellationToken);
        return updated is not null;
    }

    private static OutboxEvent? ReadEvent(DeadLetter letter)
    {
        try
        {
            return JsonSerializer.Deserialize<OutboxEvent>(letter.Payload, SyncHubJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            return null;
        }
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
