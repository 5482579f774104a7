using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Pipeline;

/// <summary>
/// Work that follows the store call of a record (round-robin assignment, a customer's reply to a waiting ticket). Runs
/// after the store call for a created ticket and again for a replayed record (Duplicate), so it must be idempotent: a
/// crash between the creation and the hook is repaired by the replay. What a new ticket carries from its creation (its
/// history lines and outbox events) is an <see cref="ITicketCreationHook"/> instead: written in the creation itself.
/// </summary>
public interface ITicketCreatedHook
{
    Task OnCreatedAsync(IntakeRecord record, CreateResult result, CancellationToken cancellationToken);
}
