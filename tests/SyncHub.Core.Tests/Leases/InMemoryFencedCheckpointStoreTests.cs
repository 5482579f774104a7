using SyncHub.Storage;
using SyncHub.Storage.InMemory;
using SyncHub.Testing.Leases;

namespace SyncHub.Core.Tests.Leases;

public sealed class InMemoryFencedCheckpointStoreTests : FencedCheckpointContract
{
    protected override ICheckpointStore CreateStore() => new InMemoryCheckpointStore();
}
