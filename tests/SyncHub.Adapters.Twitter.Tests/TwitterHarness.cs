using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Hosting;

namespace SyncHub.Adapters.Twitter.Tests;

/// <summary>The Twitter module wired as the host wires it, pointed at a <see cref="TwitterFake"/>, on a fake clock.</summary>
internal sealed class TwitterHarness : IDisposable
{
    public const string Section = "SyncHub:Adapters:Twitter";

    public static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public TwitterHarness(TwitterFake fake, IDictionary<string, string?>? settings = null, FakeTimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider(Now);
        var values = new Dictionary<string, string?>
        {
            [$"{Section}:Enabled"] = "true",
            [$"{Section}:BaseUrl"] = fake.ApiUrl,
            [$"{Section}:BearerToken"] = TwitterFake.BearerToken,
            [$"{Section}:UserId"] = TwitterFake.SupportUserId,
            [$"{Section}:PageSize"] = "5",
            [$"{Section}:RetryDelay"] = "00:00:00.010",
            [$"{Section}:Timeout"] = "00:10:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[$"{Section}:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(Time);
        Registered = new SyncHubBuilder(services, configuration).AddModule(new TwitterModule());
        Provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; }

    public bool Registered { get; }

    public ServiceProvider Provider { get; }

    public TwitterSource Source => Provider.GetRequiredService<TwitterSource>();

    public TwitterOptions Options => Provider.GetRequiredService<IOptions<TwitterOptions>>().Value;

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    /// <summary>Fetches from <paramref name="cursor"/> as the poller does (committing each page's cursor) until no more pages wait.</summary>
    public async Task<List<IntakePage>> SyncAsync(string? cursor = null)
    {
        var pages = new List<IntakePage>();
        for (var i = 0; i < 50; i++)
        {
            var page = await Source.FetchAsync(cursor, CancellationToken.None);
            pages.Add(page);
            cursor = page.NextCursor ?? cursor;
            if (!page.HasMore)
            {
                return pages;
            }
        }

        throw new InvalidOperationException("the sync did not finish within 50 fetches");
    }

    /// <summary>Advances the fake clock in steps until <paramref name="task"/> completes (bounded; never a timing assertion).</summary>
    public async Task<T> PumpAsync<T>(Task<T> task, TimeSpan step)
    {
        for (var i = 0; i < 2000 && !task.IsCompleted; i++)
        {
            Time.Advance(step);
            await Task.Delay(5);
        }

        return await task;
    }

    public void Dispose() => Provider.Dispose();
}
