namespace SyncHub.Leases;

/// <summary>
/// A held lease: <paramref name="Name"/> is what it guards (<c>poller:Freshcaller</c>), <paramref name="Owner"/> the
/// instance holding it, and <paramref name="Token"/> its fencing token. Every new acquisition of a name gets a token
/// higher than any given for that name before, so a write stamped with a token can be refused once a later holder
/// has written (<see cref="Storage.ICheckpointStore.SetAsync(string, string, long, CancellationToken)"/>).
/// </summary>
public sealed record Lease(string Name, string Owner, long Token);
