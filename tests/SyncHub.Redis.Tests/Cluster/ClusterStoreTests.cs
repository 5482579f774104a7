using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SyncHub.Accounts;
using SyncHub.Outbox;
using SyncHub.Redis.Accounts;
using SyncHub.Redis.Outbox;
using SyncHub.Storage;
using SyncHub.Testing.Accounts;
using SyncHub.Testing.Outbox;
using SyncHub.Testing.Redis;
using SyncHub.Testing.Storage;

namespace SyncHub.Redis.Tests.Cluster;

/// <summary>One local three-master Redis Cluster for the cluster-mode runs of the store contracts.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<RedisClusterFixture>
{
    public const string Name = "redis-cluster";

    public static IOptions<RedisStoreOptions> Options(RedisClusterFixture cluster, string prefix) =>
        Microsoft.Extensions.Options.Options.Create(new RedisStoreOptions { ConnectionString = cluster.ConnectionString, KeyPrefix = prefix });
}

/// <summary>The ticket store contract on Redis Cluster: each test is a deployment with its own hash-tagged prefix.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterTicketStoreTests(RedisClusterFixture cluster) : TicketStoreContract
{
    private string? prefix;

    protected override ITicketStore CreateStore() =>
        new RedisTicketStore(cluster.Connection, ClusterCollection.Options(cluster, prefix = cluster.NewPrefix()), NullLogger<RedisTicketStore>.Instance);

    protected override ITicketCounts Counts(ITicketStore store) =>
        new RedisTicketCounts(cluster.Connection, ClusterCollection.Options(cluster, prefix!), NullLogger<RedisTicketCounts>.Instance);
}

[Collection(ClusterCollection.Name)]
public sealed class ClusterCheckpointStoreTests(RedisClusterFixture cluster) : CheckpointStoreContract
{
    protected override ICheckpointStore CreateStore() =>
        new RedisCheckpointStore(cluster.Connection, ClusterCollection.Options(cluster, cluster.NewPrefix()), NullLogger<RedisCheckpointStore>.Instance);
}

[Collection(ClusterCollection.Name)]
public sealed class ClusterDeadLetterStoreTests(RedisClusterFixture cluster) : DeadLetterStoreContract
{
    protected override IDeadLetterStore CreateStore() =>
        new RedisDeadLetterStore(cluster.Connection, ClusterCollection.Options(cluster, cluster.NewPrefix()), NullLogger<RedisDeadLetterStore>.Instance);
}

[Collection(ClusterCollection.Name)]
public sealed class ClusterAccountDirectoryTests(RedisClusterFixture cluster) : AccountDirectoryContract
{
    protected override Task<IAccountDirectoryStore> CreateStoreAsync(AccountDirectoryOptions options, TimeProvider time) =>
        Task.FromResult<IAccountDirectoryStore>(new RedisAccountDirectory(
            cluster.Connection,
            ClusterCollection.Options(cluster, cluster.NewPrefix()),
            new AccountDirectoryRules(Microsoft.Extensions.Options.Options.Create(options)),
            time,
            NullLogger<RedisAccountDirectory>.Instance));
}

[Collection(ClusterCollection.Name)]
public sealed class ClusterOutboxQueueTests(RedisClusterFixture cluster) : OutboxQueueContract
{
    private string? prefix;

    protected override (ITicketStore Store, IOutboxQueue Queue) CreateSut()
    {
        prefix = cluster.NewPrefix();
        var options = ClusterCollection.Options(cluster, prefix);
        return (new RedisTicketStore(cluster.Connection, options, NullLogger<RedisTicketStore>.Instance),
            new RedisOutboxQueue(cluster.Connection, options, NullLogger<RedisOutboxQueue>.Instance));
    }

    protected override IOutboxAppender Appender(ITicketStore store) =>
        new RedisOutboxAppender(cluster.Connection, ClusterCollection.Options(cluster, prefix!), NullLogger<RedisOutboxAppender>.Instance);

    protected override Task LetTimePassAsync(TimeSpan idle) => Task.Delay(idle + TimeSpan.FromMilliseconds(20));
}

/// <summary>What an operator meets on a cluster-mode Redis: the prefix's hash tag, and deployments spread over the shards.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterDeploymentTests(RedisClusterFixture cluster)
{
    [Fact]
    public void PrefixWithoutAHashTag_OnACluster_StopsTheStartNamingTheSetting()
    {
        using var provider = Provider("synchub:");

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ITicketStore>());

        Assert.Contains("SyncHub:Redis:KeyPrefix", failure.Message, StringComparison.Ordinal);
        Assert.Contains("{synchub}:", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralDeployments_EachKeepsItsKeysOnOneShard_AndTogetherTheyUseEveryShard()
    {
        var shards = new HashSet<string>();
        var samples = new SampleRecords(TimeProvider.System);
        // A prefix's tag lands on a shard by its hash: about a third each, so enough prefixes reach all three (60 miss one
        // with a probability of about 1e-10).
        for (var i = 0; i < 60 && shards.Count < 3; i++)
        {
            var prefix = cluster.NewPrefix();
            await using var provider = Provider(prefix);
            var store = provider.GetRequiredService<ITicketStore>();
            var created = await store.CreateAsync(samples.Creation());
            Assert.Equal(created.TicketId, (await store.GetAsync(created.TicketId))?.Id);

            // Every key this deployment wrote is on the shard of its hash tag.
            var server = cluster.ServerOf(prefix);
            var keys = new List<string>();
            await foreach (var key in server.KeysAsync(pattern: prefix.Replace("{", "\\{", StringComparison.Ordinal).Replace("}", "\\}", StringComparison.Ordinal) + "*"))
            {
                keys.Add(key!);
            }

            Assert.Contains(keys, k => k.EndsWith("ticket:" + created.TicketId, StringComparison.Ordinal));
            Assert.Single(keys.Select(k => cluster.Connection.HashSlot(k)).Distinct());
            shards.Add(server.EndPoint.ToString()!);
        }

        Assert.Equal(3, shards.Count);
    }

    private ServiceProvider Provider(string prefix)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = cluster.ConnectionString,
            ["SyncHub:Redis:KeyPrefix"] = prefix,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRedisStore(configuration);
        return services.BuildServiceProvider();
    }
}
