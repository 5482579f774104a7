using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SyncHub.Adapters;

/// <summary>What an adapter module registers itself with.</summary>
public interface ISyncHubBuilder
{
    IServiceCollection Services { get; }

    /// <summary>Binds and validates <typeparamref name="TOptions"/> from <paramref name="section"/> at start.</summary>
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
}
