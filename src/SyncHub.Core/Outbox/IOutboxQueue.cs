namespace SyncHub.Outbox;

/// <summary>
/// The outbox seen by consumer groups (one group per notifier): each group gets every event, an event
/// stays pending until acknowledged, and events left pending by a consumer that died are claimed by
/// another after an idle time. In Redis this is a stream consumer group.
/// </summary>
public interface IOutboxQueue
{
    /// <summary>New events for <paramref name="group"/>, handed to <paramref name="consumer"/> and pending until acknowledged.</summary>
    Task<IReadOnlyList<OutboxDelivery>> ReadAsync(string group, string consumer, int count, CancellationToken cancellationToken = default);

    /// <summary>Events pending longer than <paramref name="minIdle"/> (their consumer died or is stuck), now handed to <paramref name="consumer"/>.</summary>
    Task<IReadOnlyList<OutboxDelivery>> ClaimStaleAsync(string group, string consumer, TimeSpan minIdle, int count, CancellationToken cancellationToken = default);

    Task AckAsync(string group, string position, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tells the group that <paramref name="consumer"/> still works on the event (between retries), so it is
    /// not claimed by another instance as stale. Does not count as a new delivery.
    /// </summary>
    Task KeepAsync(string group, string consumer, string position, CancellationToken cancellationToken = default);

    /// <summary>Events of the group not yet acknowledged (pending plus never read).</summary>
    Task<long> LagAsync(string group, CancellationToken cancellationToken = default);

    /// <summary>
    /// When the oldest event of the group not yet acknowledged (pending or never read) was written
    /// (<see cref="OutboxEvent.CreatedAt"/>); null when the group is caught up.
    /// </summary>
    Task<DateTimeOffset?> OldestPendingAsync(string group, CancellationToken cancellationToken = default);
}
