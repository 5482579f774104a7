using SyncHub.Domain;

namespace SyncHub.Storage;

/// <summary>
/// The ticket store. Creation is idempotent on (source, external id) and atomic: ticket, number,
/// indexes, history and outbox events are written together or not at all. Every write may be retried
/// safely after a connection loss, since its outcome is then unknown.
/// </summary>
public interface ITicketStore
{
    Task<CreateResult> CreateAsync(TicketCreation creation, CancellationToken cancellationToken = default);

    Task<Ticket?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<Ticket?> GetByNumberAsync(long number, CancellationToken cancellationToken = default);

    Task<TicketPage> ListAsync(TicketQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="change"/> to the current ticket and stores the result if nobody changed the
    /// ticket meanwhile (the change is computed again otherwise). Returns null when the ticket does not exist;
    /// the unchanged ticket when <paramref name="change"/> returns null.
    /// </summary>
    Task<Ticket?> UpdateAsync(string id, Func<Ticket, TicketChange?> change, CancellationToken cancellationToken = default);

    /// <summary>
    /// Merges the ticket <paramref name="duplicateId"/> into <paramref name="survivorId"/> in one atomic step: computes
    /// the merge from both current tickets (<paramref name="merge"/>, which may throw to refuse it), moves the
    /// duplicate's history to the survivor in time order, stores both, points the duplicate's idempotency and thread
    /// keys to the survivor and takes the duplicate out of the search index and the views. Returns the survivor; null
    /// when either ticket does not exist. A merge whose <see cref="TicketMerge.ActionKey"/> was done returns the survivor as it is.
    /// </summary>
    Task<Ticket?> MergeAsync(string duplicateId, string survivorId, Func<Ticket, Ticket, TicketMerge> merge, CancellationToken cancellationToken = default);

    /// <summary>
    /// The live SLA deadlines (see <see cref="SlaDeadlines.Live"/>) due at or before <paramref name="until"/>,
    /// earliest first: what the SLA monitor must mark as breached or warn about.
    /// </summary>
    Task<IReadOnlyList<SlaDeadline>> DueAsync(DateTimeOffset until, int count, CancellationToken cancellationToken = default);

    /// <summary>Reads outbox events in order, after <paramref name="afterPosition"/> (null: from the start).</summary>
    Task<IReadOnlyList<OutboxEntry>> ReadOutboxAsync(string? afterPosition, int count, CancellationToken cancellationToken = default);

    /// <summary>True when the store answers; used by the readiness check.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken = default);
}
