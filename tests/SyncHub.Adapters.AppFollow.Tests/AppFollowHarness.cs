using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Hosting;

namespace SyncHub.Adapters.AppFollow.Tests;

/// <summary>The AppFollow module wired as the host wires it, pointed at an <see cref="AppFollowFake"/>, on a fake clock.</summary>
internal sealed class AppFollowHarness : IDisposable
{
    public const string Section = "SyncHub:Adapters:AppFollow";

    public static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public AppFollowHarness(AppFollowFake fake, IDictionary<string, string?>? settings = null)
    {
        Time = new FakeTimeProvider(Now);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(fake, settings)).Build();
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(Time);
        Registered = new SyncHubBuilder(services, configuration).AddModule(new AppFollowModule());
        Provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; }

    public bool Registered { get; }

    public ServiceProvider Provider { get; }

    public AppFollowSource Source => Provider.GetRequiredService<AppFollowSource>();

    public INotifier Notifier => Provider.GetServices<INotifier>().Single();

    public AppFollowOptions Options => Provider.GetRequiredService<IOptions<AppFollowOptions>>().Value;

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    /// <summary>The adapter's settings for <paramref name="fake"/> (two apps: Android on Google Play, iOS on the App Store), overridden by <paramref name="settings"/>.</summary>
    public static Dictionary<string, string?> Settings(AppFollowFake fake, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            [$"{Section}:Enabled"] = "true",
            [$"{Section}:BaseUrl"] = fake.ApiUrl,
            [$"{Section}:ApiToken"] = AppFollowFake.Token,
            [$"{Section}:Apps:0:AppId"] = AppFollowFake.Android,
            [$"{Section}:Apps:0:Store"] = "GooglePlay",
            [$"{Section}:Apps:1:AppId"] = AppFollowFake.Ios,
            [$"{Section}:Apps:1:Store"] = "AppStore",
            [$"{Section}:StartFrom"] = "2026-11-29",
            [$"{Section}:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key.StartsWith("SyncHub:", StringComparison.Ordinal) ? key : $"{Section}:{key}"] = value;
        }

        return values;
    }

    /// <summary>A reply to a review as the ticket workflow writes it to the outbox.</summary>
    public static OutboxEvent Reply(string reviewKey, string text = "Thanks, Ana! Version 4.2.1 fixes the crash; please update.", string id = "t-1:reply:3") => new()
    {
        Id = id,
        Type = ReviewEvents.Reply,
        TicketId = "t-1",
        TicketNumber = 10423,
        CreatedAt = Now,
        Data = new Dictionary<string, string> { [ReviewEvents.ReviewId] = reviewKey, [ReviewEvents.Text] = text },
    };

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
