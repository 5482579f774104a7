using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Hosting;
using SyncHub.Redis;

namespace SyncHub.Bench;

/// <summary>The hub as the host wires it (core + Redis store), on a given Redis and key prefix.</summary>
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

        if (arguments.Capacity is { } capacity)
        {
            settings["SyncHub:Pipeline:Capacity"] = capacity.ToString(CultureInfo.InvariantCulture);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSyncHubCore(configuration);
        services.AddRedisStore(configuration);
        return services.BuildServiceProvider();
    }
}
