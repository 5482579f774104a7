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

    /// <summary>
    /// Delivers the event and says what the tool answered (the id it gave the message). The outbox calls this one; the
    /// default sends with <see cref="SendAsync"/> and reports no id. A notifier whose tool answers with an id implements
    /// it (and lets <see cref="SendAsync"/> call it). Failures are thrown as with <see cref="SendAsync"/>.
    /// </summary>
    async Task<DeliveryReceipt> DeliverAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        await SendAsync(outboxEvent, cancellationToken).ConfigureAwait(false);
        return DeliveryReceipt.Sent;
    }

    /// <summary>
    /// After the tool refused this notifier's credentials (<see cref="DeliveryFailureKind.Unauthorized"/>) the outbox pauses it
    /// and calls this now and then; true when the credentials work again (the outbox then resumes). The default says
    /// true, so the outbox retries the held message itself as the probe.
    /// </summary>
    Task<bool> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
