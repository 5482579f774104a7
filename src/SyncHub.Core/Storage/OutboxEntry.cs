using SyncHub.Domain;

namespace SyncHub.Storage;

/// <summary>An outbox event and its position in the outbox (the stream id in Redis).</summary>
public sealed record OutboxEntry(string Position, OutboxEvent Event);
