using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Hosting;
using SyncHub.InMemory;
using SyncHub.Pipeline;
using SyncHub.Policies;

namespace SyncHub.Core.Tests.Accounts;

public sealed class AccountRegistrationTests
{
    [Fact]
    public void AddInMemoryAccountDirectory_AfterCore_ReplacesTheEmptyDirectoryWithOneSharedInstance()
    {
        var services = CoreServices(new Dictionary<string, string?>());

        services.AddInMemoryAccountDirectory();
        using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IAccountDirectoryStore>();
        Assert.IsType<InMemoryAccountDirectory>(store);
        Assert.Same(store, provider.GetRequiredService<IAccountDirectory>());
        Assert.Single(services, d => d.ServiceType == typeof(IAccountDirectory));
    }

    [Fact]
    public void AddInMemoryAccountDirectory_WithSection_BindsMatchingOptions()
    {
        var configuration = Configuration(new() { ["SyncHub:Accounts:DefaultCountryCallingCode"] = "351", ["SyncHub:Accounts:PublicEmailDomains:0"] = "sapo.pt" });
        var services = new ServiceCollection();

        services.AddInMemoryAccountDirectory(configuration.GetSection(AccountDirectoryOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<AccountDirectoryOptions>>().Value;
        Assert.Equal("351", options.DefaultCountryCallingCode);
        Assert.Equal(["sapo.pt"], options.EffectivePublicEmailDomains);
    }

    [Fact]
    public void AddInMemoryAccountDirectory_InvalidCountryCode_FailsValidationNamingTheKey()
    {
        var configuration = Configuration(new() { ["SyncHub:Accounts:DefaultCountryCallingCode"] = "Brazil" });
        var services = new ServiceCollection().AddInMemoryAccountDirectory(configuration.GetSection(AccountDirectoryOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AccountDirectoryOptions>>().Value);

        Assert.Contains("SyncHub:Accounts:DefaultCountryCallingCode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAccountSource_CalledTwice_RegistersOnePollTargetUnderTheSectionKey()
    {
        var configuration = Configuration(new() { ["SyncHub:Adapters:FakeCrm:Enabled"] = "true", ["SyncHub:Adapters:FakeCrm:PollInterval"] = "00:05:00" });
        var services = CoreServices(configuration);
        services.AddInMemoryAccountDirectory();
        var hub = new SyncHubBuilder(services, configuration);
        var section = configuration.GetSection("SyncHub:Adapters:FakeCrm");

        hub.AddAccountSource<FakeSource, AdapterOptions>(section);
        hub.AddAccountSource<FakeSource, AdapterOptions>(section);
        using var provider = services.BuildServiceProvider();

        var descriptor = Assert.Single(provider.GetServices<PollingSourceDescriptor>());
        Assert.Equal("FakeCrm", descriptor.Name);
        Assert.IsType<AccountSyncPollTarget>(descriptor.Create(provider));
        Assert.Equal(TimeSpan.FromMinutes(5), descriptor.Options(provider).PollInterval);
    }

    [Fact]
    public void AddAccountSource_WithoutDirectoryStore_FailsWithAClearMessage()
    {
        var configuration = Configuration(new() { ["SyncHub:Adapters:FakeCrm:Enabled"] = "true" });
        var services = CoreServices(configuration);
        new SyncHubBuilder(services, configuration).AddAccountSource<FakeSource, AdapterOptions>(configuration.GetSection("SyncHub:Adapters:FakeCrm"));
        using var provider = services.BuildServiceProvider();

        var descriptor = Assert.Single(provider.GetServices<PollingSourceDescriptor>());
        var error = Assert.Throws<InvalidOperationException>(() => descriptor.Create(provider));

        Assert.Contains("AddInMemoryAccountDirectory", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static ServiceCollection CoreServices(Dictionary<string, string?> values) => CoreServices(Configuration(values));

    private static ServiceCollection CoreServices(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSyncHubCore(configuration);
        services.AddInMemoryStore();
        return services;
    }

    private sealed class FakeSource : IAccountSource
    {
        public string Name => "FakeCrm";

        public Task<AccountPage> FetchAsync(string? cursor, CancellationToken cancellationToken) => Task.FromResult(AccountPage.Empty(cursor));
    }
}
