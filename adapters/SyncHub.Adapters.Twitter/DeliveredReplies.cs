using System.Collections.Concurrent;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// The outbox events this process has delivered lately, with the id X gave each (bounded, oldest forgotten first). An
/// event delivered again (its acknowledgement was lost) answers from here instead of posting twice. Kept in memory only:
/// after a restart, or on another instance, X's own refusal of a duplicate post is the guard (see the README).
/// </summary>
internal sealed class DeliveredReplies(int capacity = 4096)
{
    private readonly ConcurrentDictionary<string, string?> delivered = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();

    public bool TryGet(string eventId, out string? toolMessageId) => delivered.TryGetValue(eventId, out toolMessageId);

    public void Add(string eventId, string? toolMessageId)
    {
        if (delivered.TryAdd(eventId, toolMessageId))
        {
            order.Enqueue(eventId);
        }

        while (order.Count > capacity && order.TryDequeue(out var oldest))
        {
            delivered.TryRemove(oldest, out _);
        }
    }
}
