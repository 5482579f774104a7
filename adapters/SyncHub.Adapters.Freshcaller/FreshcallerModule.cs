using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// Registers the Freshcaller hotline (<c>SyncHub:Adapters:Freshcaller</c>): the calls poller, the call webhook at
/// <c>POST /api/intake/freshcaller</c>, validated options and the HTTP client with its resilience pipeline. One
/// <c>Enabled</c> key switches both on. With shifts under <c>Coverage:Shifts</c> it also runs the hotline coverage check
/// (<see cref="FreshcallerCoverage"/>), a hosted service. Idempotent.
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
        hub.AddReplyChannel(Domain.Channel.Phone, Domain.MailEvents.Reply, Domain.MailEvents.NotifierSetting);

        hub.AddToolHttpClient<FreshcallerOptions>(
            FreshcallerHttp.ClientName,
            o => new HttpRetrySettings(o.Timeout, o.MaxRetryAttempts, o.RetryDelay, o.MaxRetryAfter),
            [FreshcallerHttp.ApiKeyHeader]);

        if (section.GetSection($"{nameof(FreshcallerOptions.Coverage)}:{nameof(FreshcallerCoverageOptions.Shifts)}").GetChildren().Any())
        {
            hub.Services.TryAddSingleton(TimeProvider.System);
            hub.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, FreshcallerCoverage>());
        }
    }
}
