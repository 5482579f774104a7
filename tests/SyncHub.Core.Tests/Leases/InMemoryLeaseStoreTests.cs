using Microsoft.Extensions.Time.Testing;
using SyncHub.InMemory;
using SyncHub.Leases;
using SyncHub.Testing.Leases;

namespace SyncHub.Core.Tests.Leases;

public sealed class InMemoryLeaseStoreTests : LeaseStoreContract
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    protected override ILeaseStore CreateStore() => new InMemoryLeaseStore(time);

    protected override Task PassAsync(TimeSpan span)
    {
        time.Advance(span);
        return Task.CompletedTask;
    }
}
