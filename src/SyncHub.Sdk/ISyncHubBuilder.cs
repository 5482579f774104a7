using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SyncHub.Adapters;

/// <summary>What an adapter module registers itself with. Every method is idempotent: a second call changes nothing.</summary>
public interface ISyncHubBuilder
{
    IServiceCollection Services { get; }

    /// <summary>The host's whole configuration, for a module that needs a section beside its own (e.g. <c>SyncHub:Reviews</c>).</summary>
    IConfiguration Configuration { get; }

    /// <summary>Binds and validates <typeparamref name="TOptions"/> from <paramref name="section"/> at start; failures name the full key.</summary>
    ISyncHubBuilder AddAdapterOptions<TOptions>(IConfigurationSection section)
        where TOptions : AdapterOptions;

    ISyncHubBuilder AddPollingSource<TSource, TOptions>(IConfigurationSection section)
        where TSource : class, IPollingSource
        where TOptions : AdapterOptions;

    ISyncHubBuilder AddWebhookSource<TSource, TOptions>(IConfigurationSection section)
        where TSource : class, IWebhookSource
        where TOptions : AdapterOptions;

    ISyncHubBuilder AddNotifier<TNotifier, TOptions>(IConfigurationSection section)
        where TNotifier : class, INotifier
        where TOptions : AdapterOptions;

    /// <summary>
    /// Says that agents answer the tickets of <paramref name="channel"/> this adapter reads with outbox events of
    /// <paramref name="eventType"/> (the <see cref="Domain.ReplyRoute.EventType"/> its records carry), delivered by a
    /// notifier that <paramref name="setting"/> enables. <c>check-config</c> and <c>/health/ready</c> list the channels
    /// no enabled notifier can answer, naming the setting.
    /// </summary>
    ISyncHubBuilder AddReplyChannel(Domain.Channel channel, string eventType, string setting);

    /// <summary>Registers a CRM-like source of customer accounts, read by polling into the local account directory.</summary>
    ISyncHubBuilder AddAccountSource<TSource, TOptions>(IConfigurationSection section)
        where TSource : class, IAccountSource
        where TOptions : AdapterOptions;
}
