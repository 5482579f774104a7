using SyncHub.Domain;

namespace SyncHub.Adapters;

/// <summary>
/// Delivers outbox events to a tool (chat message, e-mail, review reply). Delivery is at least once:
/// use <see cref="OutboxEvent.Id"/> as the idempotency key so a retried event is not shown twice.
/// </summary>
public interface INotifier
{
    string Name { get; }

    /// <summary>True for the events this notifier delivers.</summary>
    bool Handles(OutboxEvent outboxEvent);

    Task SendAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken);
}
