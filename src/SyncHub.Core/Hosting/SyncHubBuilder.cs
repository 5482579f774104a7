using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Pipeline;
using SyncHub.Storage;
using SyncHub.Workflow;

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
            sp => new IntakePollTarget(sp.GetRequiredService<TSource>(), sp.GetRequiredService<IIntakePipeline>(), sp.GetRequiredService<IDeadLetterStore>(), sp.GetRequiredService<TimeProvider>()),
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

    public ISyncHubBuilder AddReplyChannel(Channel channel, string eventType, string setting)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        ArgumentException.ThrowIfNullOrWhiteSpace(setting);
        var declared = new ReplyChannel(channel, eventType, setting);
        if (!Services.Any(d => d.ServiceType == typeof(ReplyChannel) && Equals(d.ImplementationInstance, declared)))
        {
            Services.AddSingleton(declared);
        }

        return this;
    }

    /// <summary>
    /// Registers <typeparamref name="TSource"/> as a polled account source: binds and validates
    /// <typeparamref name="TOptions"/> from <paramref name="section"/> and schedules an
    /// <see cref="AccountSyncPollTarget"/> on the poller under the section's key (the checkpoint name).
    /// The pages go to the registered <see cref="IAccountDirectoryStore"/>
    /// (<see cref="AccountRegistration.AddInMemoryAccountDirectory"/> or the Redis directory).
    /// </summary>
    public ISyncHubBuilder AddAccountSource<TSource, TOptions>(IConfigurationSection section)
        where TSource : class, IAccountSource
        where TOptions : AdapterOptions
    {
        ArgumentNullException.ThrowIfNull(section);
        if (Services.Any(d => d.ServiceType == typeof(TSource)))
        {
            return this;
        }

        AddAdapterOptions<TOptions>(section);
        Services.TryAddSingleton(TimeProvider.System);
        Services.TryAddSingleton<TSource>();
        Services.AddSingleton(new PollingSourceDescriptor(
            section.Key,
            sp => new AccountSyncPollTarget(
                sp.GetRequiredService<TSource>(),
                sp.GetService<IAccountDirectoryStore>() ?? throw new InvalidOperationException(
                    $"The account source {section.Path} is enabled but no account directory store is registered: " +
                    "call AddInMemoryAccountDirectory() or register the Redis account directory."),
                sp.GetRequiredService<ILogger<AccountSyncPollTarget>>()),
            sp => sp.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue));
        return this;
    }
}
