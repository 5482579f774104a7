using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Accounts;
using SyncHub.Hosting;
using SyncHub.Pipeline;

namespace SyncHub.Adapters.ZohoCrm.Tests;

/// <summary>The Zoho CRM module wired as the host wires it, pointed at a <see cref="ZohoFake"/>, on a fake clock.</summary>
internal sealed class ZohoHarness : IDisposable
{
    public const string Section = "SyncHub:Adapters:ZohoCrm";

    public ZohoHarness(ZohoFake fake, FakeTimeProvider time, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            [$"{Section}:Enabled"] = "true",
            [$"{Section}:BaseUrl"] = fake.Url,
            [$"{Section}:AccountsUrl"] = fake.Url,
            [$"{Section}:ClientId"] = ZohoFake.ClientId,
            [$"{Section}:ClientSecret"] = ZohoFake.ClientSecret,
            [$"{Section}:RefreshToken"] = ZohoFake.RefreshToken,
            [$"{Section}:PageSize"] = "2",
            [$"{Section}:Timeout"] = "01:00:00",
            [$"{Section}:RetryDelay"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key.StartsWith("SyncHub:", StringComparison.Ordinal) ? key : $"{Section}:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddInMemoryAccountDirectory();
        Registered = new SyncHubBuilder(services, configuration).AddModule(new ZohoCrmModule());
        Provider = services.BuildServiceProvider();
    }

    public bool Registered { get; }

    public ServiceProvider Provider { get; }

    public ZohoCrmSource Source => Provider.GetRequiredService<ZohoCrmSource>();

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    public IPollTarget PollTarget() => Provider.GetRequiredService<PollingSourceDescriptor>().Create(Provider);

    /// <summary>Reads pages from <paramref name="cursor"/> as the poller would until the source has no more.</summary>
    public async Task<List<AccountPage>> SyncAsync(string? cursor = null)
    {
        var pages = new List<AccountPage>();
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

        throw new InvalidOperationException("the sync did not finish within 50 pages");
    }

    /// <summary>Advances the fake clock in steps until <paramref name="task"/> completes (bounded, never a timing assertion).</summary>
    public static async Task<T> PumpAsync<T>(FakeTimeProvider time, Task<T> task, TimeSpan step)
    {
        for (var i = 0; i < 2000 && !task.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.Delay(5);
        }

        return task.IsCompleted ? await task : throw new TimeoutException("the call did not complete while the fake clock advanced");
    }

    /// <summary>
    /// Disposes the container. The resilience pipelines wait (on the fake clock) for calls still in flight, so a
    /// test that left a call hanging must not hang the run too: disposal gets a bounded real-time wait.
    /// </summary>
    public void Dispose()
    {
        if (!Task.Run(Provider.Dispose).Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("an HTTP call was still in flight when the test ended");
        }
    }
}
