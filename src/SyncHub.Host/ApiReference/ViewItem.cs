namespace SyncHub.Host.ApiReference;

/// <summary>One view: its id (the <c>view</c> of <c>GET /api/tickets</c>), its name and how many open tickets it holds now.</summary>
internal sealed record ViewItem(string Id, string Name, long Count);
