using SyncHub.InMemory;
using SyncHub.Storage;
using SyncHub.Testing.Leases;

namespace SyncHub.Core.Tests.Leases;

public sealed class InMemoryFencedCheckpointStoreTests : FencedCheckpointContract
{
    protected override ICheckpointStore CreateStore() => new InMemoryCheckpointStore();
}
