using SyncHub.Storage;
using SyncHub.Storage.InMemory;
using SyncHub.Testing.Storage;

namespace SyncHub.Core.Tests.Storage;

public sealed class InMemoryDeadLetterStoreTests : DeadLetterStoreContract
{
    protected override IDeadLetterStore CreateStore() => new InMemoryDeadLetterStore();
}
