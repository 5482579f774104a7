using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncHub.Leases;
using SyncHub.Pipeline;

namespace SyncHub.Core.Tests.Leases;

public sealed class LeaseHealthCheckTests
{
    [Fact]
    public async Task CheckHealthAsync_OneHeldOneStandby_ReportsEachSourceAndStaysHealthy()
    {
        var state = new PollerState();
        state.Started("Freshcaller");
        state.Started("Email");
        state.Holding("Freshcaller", 7);
        state.Standby("Email");
        var sut = new LeaseHealthCheck(state, new LeaseOwner("hub-a"));

        var result = await sut.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("hub-a", result.Data["owner"]);
        var calls = Assert.IsType<Dictionary<string, object?>>(result.Data["Freshcaller"]);
        var mail = Assert.IsType<Dictionary<string, object?>>(result.Data["Email"]);
        Assert.Equal("holding", calls["lease"]);
        Assert.Equal(7L, calls["token"]);
        Assert.Equal("standby", mail["lease"]);
        Assert.Null(mail["token"]);
        Assert.Equal("holding 1 of 2 poller leases, standby for 1", result.Description);
    }

    [Fact]
    public void PollerState_SucceededWhileHolding_KeepsTheLease()
    {
        var state = new PollerState();
        state.Started("Freshcaller");
        state.Holding("Freshcaller", 3);
        state.Failed("Freshcaller", "boom");

        state.Succeeded("Freshcaller", DateTimeOffset.UnixEpoch);

        var status = state.Snapshot["Freshcaller"];
        Assert.True(status.HoldsLease);
        Assert.Equal(3, status.LeaseToken);
        Assert.Equal(0, status.ConsecutiveFailures);
    }
}
