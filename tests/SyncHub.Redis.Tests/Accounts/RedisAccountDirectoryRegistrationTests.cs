using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Hosting;
using SyncHub.Policies;
using SyncHub.Redis.Accounts;
using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests.Accounts;

[Collection(RedisCollection.Name)]
public sealed class RedisAccountDirectoryRegistrationTests(RedisServerFixture redis)
{
    [Fact]
    public async Task AddRedisAccountDirectory_AfterCoreAndInMemoryDirectory_ReplacesThemWithOneSharedInstance()
    {
        var configuration = Configuration(new());
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSyncHubCore(configuration);
        services.AddRedisStore(configuration);
        services.AddInMemoryAccountDirectory();

        services.AddRedisAccountDirectory();
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IAccountDirectoryStore>();
        Assert.IsType<RedisAccountDirectory>(store);
        Assert.Same(store, provider.GetRequiredService<IAccountDirectory>());
        Assert.Single(services, d => d.ServiceType == typeof(IAccountDirectory));
        Assert.Single(services, d => d.ServiceType == typeof(IAccountDirectoryStore));
    }

    [Fact]
    public async Task AddRedisAccountDirectory_WithSection_BindsMatchingOptionsAndStoresUnderThePrefix()
    {
        var configuration = Configuration(new()
        {
            ["SyncHub:Accounts:DefaultCountryCallingCode"] = "351",
            ["SyncHub:Accounts:PublicEmailDomains:0"] = "sapo.pt",
        });
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRedisStore(configuration);

        services.AddRedisAccountDirectory(configuration.GetSection(AccountDirectoryOptions.SectionName));
        await using var provider = services.BuildServiceProvider();
        var directory = provider.GetRequiredService<IAccountDirectoryStore>();
        await directory.UpsertAsync([new CrmAccount("acc-1", "Lisboa Lda", "Gold", "Customer", null, ["lisboa.pt"], ["21 123 4567"], default)], []);

        Assert.Equal("351", provider.GetRequiredService<IOptions<AccountDirectoryOptions>>().Value.DefaultCountryCallingCode);
        Assert.Equal("acc-1", (await directory.FindAsync(new Requester(Phone: "+351 211 234 567")))?.CrmId);
        Assert.Equal(new AccountDirectoryCount(1, 0), await directory.CountAsync());
        Assert.True(await redis.Connection.GetDatabase().KeyExistsAsync(Prefix(configuration) + "accounts:account"));
    }

    [Fact]
    public void AddRedisAccountDirectory_WithoutTheRedisStore_FailsNamingAddRedisStore()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddRedisAccountDirectory());

        Assert.Contains("AddRedisStore", error.Message, StringComparison.Ordinal);
    }

    private static string Prefix(IConfiguration configuration) => configuration["SyncHub:Redis:KeyPrefix"]!;

    private IConfiguration Configuration(Dictionary<string, string?> settings)
    {
        settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        settings["SyncHub:Redis:KeyPrefix"] = redis.NewPrefix();
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}
