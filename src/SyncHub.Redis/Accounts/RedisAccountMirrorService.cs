using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using SyncHub.Diagnostics;
using SyncHub.Storage;

namespace SyncHub.Redis.Accounts;

/// <summary>
/// With the mirror on: starts its first load when the host starts (in the background, so the first record rarely waits
/// for it) and exports, on the <c>SyncHub</c> meter, <c>synchub.accounts.mirror.records</c> (accounts and contacts in
/// the copy) and <c>synchub.accounts.mirror.age</c> (seconds since the copy was last known to match Redis).
/// </summary>
internal sealed class RedisAccountMirrorService(RedisAccountDirectory directory, IServiceProvider services, TimeProvider time) : IHostedService
{
    public const string RecordsGauge = "synchub.accounts.mirror.records";
    public const string AgeGauge = "synchub.accounts.mirror.age";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (directory.Mirror is not { } mirror)
        {
            return Task.CompletedTask;
        }

        if (services.GetService<SyncHubMetrics>() is { } metrics)
        {
            metrics.Meter.CreateObservableGauge(
                RecordsGauge,
                () => mirror.State is { } state
                    ? [new Measurement<long>(state.Count.Accounts, new KeyValuePair<string, object?>("kind", "account")), new Measurement<long>(state.Count.Contacts, new KeyValuePair<string, object?>("kind", "contact"))]
                    : Array.Empty<Measurement<long>>(),
                "{record}",
                "Accounts and contacts in this instance's copy of the account directory.");
            metrics.Meter.CreateObservableGauge(
                AgeGauge,
                () => mirror.State is { } state ? [new Measurement<double>((time.GetUtcNow() - state.CurrentAt).TotalSeconds)] : Array.Empty<Measurement<double>>(),
                "s",
                "Time since this instance's copy of the account directory was last known to match Redis.");
        }

        _ = WarmAsync(mirror);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The first load; when Redis is down it is left to the first look-up.</summary>
    private static async Task WarmAsync(RedisAccountMirror mirror)
    {
        try
        {
            await mirror.TableAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is StoreUnavailableException or RedisException or JsonException)
        {
            // Logged by the guard (unavailable); the first look-up loads it, or fails with the reason.
        }
    }
}
