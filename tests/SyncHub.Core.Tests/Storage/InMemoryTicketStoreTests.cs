using SyncHub.InMemory;
using SyncHub.Storage;
using SyncHub.Testing.Storage;

namespace SyncHub.Core.Tests.Storage;

public sealed class InMemoryTicketStoreTests : TicketStoreContract
{
    protected override ITicketStore CreateStore() => new InMemoryTicketStore();
}
