using SyncHub.InMemory;
using SyncHub.Storage;
using SyncHub.Testing.Storage;

namespace SyncHub.Core.Tests.Storage;

public sealed class InMemoryDeadLetterStoreTests : DeadLetterStoreContract
{
    protected override IDeadLetterStore CreateStore() => new InMemoryDeadLetterStore();
}
