using SyncHub.Domain;

namespace SyncHub.Outbox;

/// <summary>Writes an outbox event that belongs to no ticket change (a <see cref="Adapters.TeamAlert"/>), once per key.</summary>
public interface IOutboxAppender
{
    /// <summary>
    /// Appends <paramref name="evt"/> unless an event with <paramref name="key"/> was appended within
    /// <paramref name="keep"/>; the check and the append are one atomic step. True when appended.
    /// </summary>
    Task<bool> AppendOnceAsync(string key, OutboxEvent evt, TimeSpan keep, CancellationToken cancellationToken = default);
}
