using SyncHub.InMemory;
using SyncHub.Outbox;
using SyncHub.Storage;
using SyncHub.Testing.Outbox;

namespace SyncHub.Core.Tests.Outbox;

/// <summary>The shared outbox queue contract over the in-memory store, on the contract's fake clock.</summary>
public sealed class InMemoryOutboxQueueTests : OutboxQueueContract
{
    protected override (ITicketStore Store, IOutboxQueue Queue) CreateSut()
    {
        var store = new InMemoryTicketStore();
        return (store, new InMemoryOutboxQueue(store, Time));
    }

    protected override IOutboxAppender Appender(ITicketStore store) => (InMemoryTicketStore)store;

    protected override Task LetTimePassAsync(TimeSpan idle)
    {
        Time.Advance(idle);
        return Task.CompletedTask;
    }
}
