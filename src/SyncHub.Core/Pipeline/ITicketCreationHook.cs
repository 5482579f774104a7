using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Pipeline;

/// <summary>
/// Work a new ticket carries from its creation (a hotline call's follow-up mail, an app review's alert): history entries
/// and outbox events the store writes in the same atomic step as the ticket, so they cost no further store call and are
/// written once, replay or not. For every record the pipeline calls <see cref="AddAsync"/> before the store call and
/// <see cref="OnStoredAsync"/> after it.
/// </summary>
public interface ITicketCreationHook
{
    /// <summary>
    /// Adds to <paramref name="additions"/> what the ticket being created carries, and answers what this hook wants back
    /// in <see cref="OnStoredAsync"/> (what it worked out from the record; null for nothing). <paramref name="ticket"/>
    /// has no number yet: a text that names it uses <see cref="TicketCreation.NumberPlaceholder"/> (in outbox event data
    /// only), and every other text in that data goes through <see cref="TicketCreation.Literal"/>. When this throws
    /// (other than <see cref="StoreUnavailableException"/>), what it added is dropped, the ticket is created without it,
    /// and <see cref="OnStoredAsync"/> is told it was not written (with a null state).
    /// </summary>
    ValueTask<object?> AddAsync(IntakeRecord record, Ticket ticket, TicketAdditions additions, CancellationToken cancellationToken);

    /// <summary>
    /// After the store call. <paramref name="written"/> is true when the record created its ticket with this hook's
    /// additions; otherwise (threaded onto an existing ticket, a replay, or <see cref="AddAsync"/> failed) the hook may
    /// change the stored ticket itself, idempotently, as it runs again for a replayed record.
    /// </summary>
    Task OnStoredAsync(IntakeRecord record, CreateResult result, bool written, object? state, CancellationToken cancellationToken);
}
