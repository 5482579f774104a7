namespace SyncHub.Adapters;

/// <summary>
/// Raises <see cref="TeamAlert"/>s in the team chat the hub's alerts go to. Registered by the hub; an adapter takes it
/// in its constructor. The alert goes through the outbox like every other message (stored first, delivered by the
/// chat notifier, retried), so raising it is quick and never waits for the chat tool.
/// </summary>
public interface ITeamAlerts
{
    /// <summary>Stores the alert for delivery; false when an alert with its key was raised before (nothing is sent again).</summary>
    Task<bool> RaiseAsync(TeamAlert alert, CancellationToken cancellationToken = default);
}
