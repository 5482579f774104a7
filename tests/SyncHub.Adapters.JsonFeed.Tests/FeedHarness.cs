using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Hosting;

namespace SyncHub.Adapters.JsonFeed.Tests;

/// <summary>The JSON-feed module wired as the host wires it, pointed at a <see cref="FeedFake"/>, on a fake clock.</summary>
internal sealed class FeedHarness : IDisposable
{
    public const string Section = "SyncHub:Adapters:JsonFeed";

    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public FeedHarness(FeedFake fake, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            [$"{Section}:Enabled"] = "true",
            [$"{Section}:Url"] = fake.Url,
            [$"{Section}:Headers:X-Api-Key"] = FeedFake.ApiKey,
            [$"{Section}:ItemsPath"] = "$.data.items",
            [$"{Section}:Fields:ExternalId"] = "$.id",
            [$"{Section}:Fields:Subject"] = "$.title",
            [$"{Section}:Fields:Body"] = "$.description",
            [$"{Section}:Fields:RequesterName"] = "$.author.name",
            [$"{Section}:Fields:RequesterEmail"] = "$.author.email",
            [$"{Section}:Fields:ReceivedAt"] = "$.updatedAt",
            [$"{Section}:Fields:Channel"] = "$.channel",
            [$"{Section}:CursorField"] = "$.updatedAt",
            [$"{Section}:Timeout"] = "00:00:10",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[$"{Section}:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        Registered = new SyncHubBuilder(services, configuration).AddModule(new JsonFeedModule());
        Services = services;
        Provider = services.BuildServiceProvider();
    }

    public bool Registered { get; }

    public IServiceCollection Services { get; }

    public ServiceProvider Provider { get; }

    public JsonFeedSource Source => Provider.GetRequiredService<JsonFeedSource>();

    public JsonFeedOptions Options => Provider.GetRequiredService<IOptions<JsonFeedOptions>>().Value;

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    public Task<IntakePage> FetchAsync(string? cursor = null) => Source.FetchAsync(cursor, CancellationToken.None);

    public void Dispose() => Provider.Dispose();
}
