namespace SyncHub.Adapters;

/// <summary>What a failed delivery means for the outbox (see <see cref="DeliveryException"/>).</summary>
public enum DeliveryFailureKind
{
    /// <summary>The tool may take it later (5xx, 429, a timeout): retried with backoff, after the tool's reset when it named one.</summary>
    Transient,

    /// <summary>This message can never be delivered as it is (400, 404, an unknown room or recipient): dead-lettered at once.</summary>
    Permanent,

    /// <summary>The notifier's own credentials were refused (401, 403): no message of this notifier can go until they are fixed.</summary>
    Unauthorized,
}
