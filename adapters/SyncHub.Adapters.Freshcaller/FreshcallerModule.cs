using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// Registers the Freshcaller hotline (<c>SyncHub:Adapters:Freshcaller</c>): the calls poller, the call webhook at
/// <c>POST /api/intake/freshcaller</c>, validated options and the HTTP client with its resilience pipeline. One
/// <c>Enabled</c> key switches both on. Idempotent.
/// </summary>
public sealed class FreshcallerModule : IAdapterModule
{
    public string Name => FreshcallerCallMapper.SourceName;

    public void Register(ISyncHubBuilder hub, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(section);
        hub.AddPollingSource<FreshcallerSource, FreshcallerOptions>(section);
        hub.AddWebhookSource<FreshcallerWebhook, FreshcallerOptions>(section);

        var services = hub.Services;
        if (services.Any(d => d.ServiceType == typeof(FreshcallerHttpMarker)))
        {
            return;
        }

        services.AddSingleton<FreshcallerHttpMarker>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(FreshcallerHttp.ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders([FreshcallerHttp.ApiKeyHeader])
            .AddResilienceHandler(FreshcallerHttp.ClientName, (builder, context) => FreshcallerHttp.ConfigureResilience(
                builder,
                context.ServiceProvider.GetRequiredService<IOptionsMonitor<FreshcallerOptions>>().CurrentValue,
                context.ServiceProvider.GetRequiredService<TimeProvider>()));
    }
}
