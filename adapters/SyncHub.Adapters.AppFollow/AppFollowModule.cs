using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SyncHub.Reviews;

namespace SyncHub.Adapters.AppFollow;

/// <summary>
/// Registers AppFollow (<c>SyncHub:Adapters:AppFollow</c>): the reviews poller, the reply notifier, validated options,
/// the two HTTP clients (reads retry transient failures; replies do not), and the app-review policies of the core
/// (<c>SyncHub:Reviews</c>: team routing, priority, critical and frequent alerts). Idempotent.
/// </summary>
public sealed class AppFollowModule : IAdapterModule
{
    public string Name => AppFollowReviewMapper.SourceName;

    public void Register(ISyncHubBuilder hub, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(section);
        hub.AddPollingSource<AppFollowSource, AppFollowOptions>(section);
        hub.AddNotifier<AppFollowReplyNotifier, AppFollowOptions>(section);
        hub.AddReviewPolicies();

        var services = hub.Services;
        if (services.Any(d => d.ServiceType == typeof(AppFollowHttpMarker)))
        {
            return;
        }

        services.AddSingleton<AppFollowHttpMarker>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(AppFollowHttp.ReadClient, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders([AppFollowHttp.TokenHeader])
            .AddResilienceHandler(AppFollowHttp.ReadClient, (builder, context) => AppFollowHttp.ConfigureReads(
                builder,
                context.ServiceProvider.GetRequiredService<IOptionsMonitor<AppFollowOptions>>().CurrentValue,
                context.ServiceProvider.GetRequiredService<TimeProvider>()));
        services.AddHttpClient(AppFollowHttp.ReplyClient, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders([AppFollowHttp.TokenHeader])
            .AddResilienceHandler(AppFollowHttp.ReplyClient, (builder, context) => AppFollowHttp.ConfigureReplies(
                builder,
                context.ServiceProvider.GetRequiredService<IOptionsMonitor<AppFollowOptions>>().CurrentValue));
    }
}
