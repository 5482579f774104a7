using SyncHub.InMemory;
using SyncHub.Storage;
using SyncHub.Testing.Storage;

namespace SyncHub.Core.Tests.Storage;

public sealed class InMemoryCheckpointStoreTests : CheckpointStoreContract
{
    protected override ICheckpointStore CreateStore() => new InMemoryCheckpointStore();
}
