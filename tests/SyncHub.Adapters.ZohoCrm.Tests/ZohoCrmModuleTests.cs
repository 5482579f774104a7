using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Accounts;
using SyncHub.Pipeline;

namespace SyncHub.Adapters.ZohoCrm.Tests;

public sealed class ZohoCrmModuleTests : IDisposable
{
    private readonly ZohoFake zoho = new();

    [Fact]
    public void Register_Enabled_AddsOneZohoCrmPollTarget()
    {
        using var harness = new ZohoHarness(zoho, new FakeTimeProvider(), new Dictionary<string, string?> { ["PollInterval"] = "00:10:00" });

        var descriptor = Assert.Single(harness.Provider.GetServices<PollingSourceDescriptor>());

        Assert.True(harness.Registered);
        Assert.Equal("ZohoCrm", descriptor.Name);
        var target = Assert.IsType<AccountSyncPollTarget>(descriptor.Create(harness.Provider));
        Assert.Equal("ZohoCrm", target.Name);
        Assert.Equal(TimeSpan.FromMinutes(10), descriptor.Options(harness.Provider).PollInterval);
    }

    [Fact]
    public void Register_Disabled_RegistersNothing()
    {
        using var harness = new ZohoHarness(zoho, new FakeTimeProvider(), new Dictionary<string, string?> { ["Enabled"] = "false" });

        Assert.False(harness.Registered);
        Assert.Empty(harness.Provider.GetServices<PollingSourceDescriptor>());
    }

    [Fact]
    public void Register_CalledTwice_RegistersOnce()
    {
        using var harness = new ZohoHarness(zoho, new FakeTimeProvider());
        var services = new ServiceCollection();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var hub = new SyncHub.Hosting.SyncHubBuilder(services, configuration);
        var module = new ZohoCrmModule();

        module.Register(hub, configuration.GetSection("SyncHub:Adapters:ZohoCrm"));
        var count = services.Count;
        module.Register(hub, configuration.GetSection("SyncHub:Adapters:ZohoCrm"));

        Assert.Equal(count, services.Count);
        Assert.Equal("ZohoCrm", module.Name);
    }

    public void Dispose() => zoho.Dispose();
}
