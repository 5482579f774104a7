using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Adapters;
using SyncHub.Hosting;

namespace SyncHub.Adapters.Freshcaller.Tests;

/// <summary>The Freshcaller module wired as the host wires it, pointed at a <see cref="FreshcallerFake"/>, on a fake clock.</summary>
internal sealed class FreshcallerHarness : IDisposable
{
    public const string Section = "SyncHub:Adapters:Freshcaller";
    public const string WebhookSecret = "hotline-relay-secret-7f3a";

    /// <summary>The fake clock's now; with the default settle delay, windows end at 11:55:00.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public FreshcallerHarness(FreshcallerFake fake, IDictionary<string, string?>? settings = null, FakeTimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider(Now);
        var values = new Dictionary<string, string?>
        {
            [$"{Section}:Enabled"] = "true",
            [$"{Section}:BaseUrl"] = fake.ApiUrl,
            [$"{Section}:ApiKey"] = FreshcallerFake.ApiKey,
            [$"{Section}:WebhookSecret"] = WebhookSecret,
            [$"{Section}:PageSize"] = "2",
            [$"{Section}:StartFrom"] = "2026-11-30T08:00:00Z",
            [$"{Section}:RetryDelay"] = "00:00:00.010",
            [$"{Section}:Timeout"] = "00:01:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[$"{Section}:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(Time);
        Registered = new SyncHubBuilder(services, configuration).AddModule(new FreshcallerModule());
        Provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; }

    public bool Registered { get; }

    public ServiceProvider Provider { get; }

    public FreshcallerSource Source => Provider.GetRequiredService<FreshcallerSource>();

    public IWebhookSource Webhook => Provider.GetServices<IWebhookSource>().Single(w => w.Route == "freshcaller");

    public FreshcallerOptions Options => Provider.GetRequiredService<IOptions<FreshcallerOptions>>().Value;

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    /// <summary>Fetches from <paramref name="cursor"/> as the poller would until the source has no more.</summary>
    public async Task<List<IntakePage>> SyncAsync(string? cursor = null)
    {
        var pages = new List<IntakePage>();
        for (var i = 0; i < 50; i++)
        {
            var page = await Source.FetchAsync(cursor, CancellationToken.None);
            pages.Add(page);
            cursor = page.NextCursor;
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
