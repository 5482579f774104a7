using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Pipeline;

namespace SyncHub.Hosting;

/// <summary>The registration surface adapters see; every method is idempotent.</summary>
public sealed class SyncHubBuilder(IServiceCollection services, IConfiguration configuration) : ISyncHubBuilder
{
    public const string AdaptersSection = "SyncHub:Adapters";

    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;

    /// <summary>Registers <paramref name="module"/> when <c>SyncHub:Adapters:&lt;Name&gt;:Enabled</c> is true.</summary>
    public bool AddModule(IAdapterModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var section = Configuration.GetSection($"{AdaptersSection}:{module.Name}");
        if (!section.GetValue<bool>(nameof(AdapterOptions.Enabled)))
        {
            return false;
        }

        module.Register(this, section);
        return true;
    }

    public ISyncHubBuilder AddAdapterOptions<TOptions>(IConfigurationSection section)
        where TOptions : AdapterOptions
    {
        Services.AddValidatedOptions<TOptions>(section);
        return this;
    }

    public ISyncHubBuilder AddPollingSource<TSource, TOptions>(IConfigurationSection section)
        where TSource : class, IPollingSource
        where TOptions : AdapterOptions
    {
        ArgumentNullException.ThrowIfNull(section);
        AddAdapterOptions<TOptions>(section);
        if (Services.Any(d => d.ServiceType == typeof(TSource)))
        {
            return this;
        }

        Services.TryAddSingleton<TSource>();
        Services.AddSingleton(new PollingSourceDescriptor(
            section.Key,
            sp => new IntakePollTarget(sp.GetRequiredService<TSource>(), sp.GetRequiredService<IIntakePipeline>()),
            sp => sp.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue));
        return this;
    }

    public ISyncHubBuilder AddWebhookSource<TSource, TOptions>(IConfigurationSection section)
        where TSource : class, IWebhookSource
        where TOptions : AdapterOptions
    {
        AddAdapterOptions<TOptions>(section);
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookSource, TSource>());
        return this;
    }

    public ISyncHubBuilder AddNotifier<TNotifier, TOptions>(IConfigurationSection section)
        where TNotifier : class, INotifier
        where TOptions : AdapterOptions
    {
        AddAdapterOptions<TOptions>(section);
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<INotifier, TNotifier>());
        return this;
    }
}
