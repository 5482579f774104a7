using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Pipeline;

/// <summary>
/// Work that follows the creation of a ticket (a hotline call's follow-up mail). Runs after the store call for
/// a created ticket and again for a replayed record (Duplicate), so it must be idempotent: a crash between the
/// creation and the hook is repaired by the replay.
/// </summary>
public interface ITicketCreatedHook
{
    Task OnCreatedAsync(IntakeRecord record, CreateResult result, CancellationToken cancellationToken);
}
