using SyncHub.InMemory;
using SyncHub.Leases;

namespace SyncHub.Core.Tests.Leases;

/// <summary>The stores several hub instances share (as they would share one Redis): tickets, cursors and leases.</summary>
internal sealed class SharedStores
{
    public InMemoryTicketStore Tickets { get; } = new();

    public InMemoryCheckpointStore Checkpoints { get; } = new();

    public InMemoryLeaseStore Leases { get; } = new(TimeProvider.System);
}
