using SyncHub.Domain;

namespace SyncHub.Outbox;

/// <summary>An outbox event handed to one consumer group, with how many times it was handed out before.</summary>
public sealed record OutboxDelivery(string Position, OutboxEvent Event, int DeliveryCount);
