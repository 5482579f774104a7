using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Accounts;
using SyncHub.Hosting;
using SyncHub.Redis;
using SyncHub.Redis.Accounts;
using SyncHub.Redis.Outbox;
using SyncHub.Redis.Reviews;

namespace SyncHub.Bench;

/// <summary>
/// The hub as the host wires it on Redis (core, store, outbox, review signals and the account directory with its
/// mirror), on a given Redis and key prefix; no hosted service runs, so the directory's mirror loads on the first look-up.
/// </summary>
internal static class Hub
{
    public static ServiceProvider Build(string redis, string prefix, BenchArguments arguments)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            ["SyncHub:Redis:KeyPrefix"] = prefix,
        };
        settings["SyncHub:Pipeline:Workers"] = (arguments.Workers ?? arguments.InFlight).ToString(CultureInfo.InvariantCulture);

        if (arguments.CompressFrom is { } compressFrom)
        {
            settings["SyncHub:Redis:CompressFrom"] = compressFrom.ToString(CultureInfo.InvariantCulture);
        }

        if (arguments.Capacity is { } capacity)
        {
            settings["SyncHub:Pipeline:Capacity"] = capacity.ToString(CultureInfo.InvariantCulture);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSyncHubCore(configuration);
        services.AddRedisStore(configuration);
        services.AddRedisOutbox();
        services.AddRedisReviewSignals();
        services.AddRedisAccountDirectory(configuration.GetSection(AccountDirectoryOptions.SectionName));
        return services.BuildServiceProvider();
    }
}
