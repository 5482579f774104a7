using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Hosting;
using SyncHub.Pipeline;
using SyncHub.Policies;

namespace SyncHub.Accounts;

/// <summary>Registers account sources (CRM adapters) and the account directory.</summary>
public static class AccountRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TSource"/> as a polled account source: binds and validates
    /// <typeparamref name="TOptions"/> from <paramref name="section"/> and schedules an
    /// <see cref="AccountSyncPollTarget"/> on the poller under the section's key (the checkpoint name).
    /// The pages go to the registered <see cref="IAccountDirectoryStore"/>
    /// (<see cref="AddInMemoryAccountDirectory"/> or the Redis directory). Idempotent.
    /// </summary>
    public static ISyncHubBuilder AddAccountSource<TSource, TOptions>(this ISyncHubBuilder hub, IConfigurationSection section)
        where TSource : class, IAccountSource
        where TOptions : AdapterOptions
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(section);
        var services = hub.Services;
        if (services.Any(d => d.ServiceType == typeof(TSource)))
        {
            return hub;
        }

        hub.AddAdapterOptions<TOptions>(section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TSource>();
        services.AddSingleton(new PollingSourceDescriptor(
            section.Key,
            sp => new AccountSyncPollTarget(
                sp.GetRequiredService<TSource>(),
                sp.GetService<IAccountDirectoryStore>() ?? throw new InvalidOperationException(
                    $"The account source {section.Path} is enabled but no account directory store is registered: " +
                    "call AddInMemoryAccountDirectory() or register the Redis account directory."),
                sp.GetRequiredService<ILogger<AccountSyncPollTarget>>()),
            sp => sp.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue));
        return hub;
    }

    /// <summary>
    /// Registers <see cref="InMemoryAccountDirectory"/> as both <see cref="IAccountDirectoryStore"/> (fed by
    /// account sources) and <see cref="IAccountDirectory"/> (read at ticket creation), replacing the default
    /// <see cref="EmptyAccountDirectory"/>. Matching options are bound from <paramref name="section"/>
    /// (usually <c>SyncHub:Accounts</c>) when given.
    /// </summary>
    public static IServiceCollection AddInMemoryAccountDirectory(this IServiceCollection services, IConfigurationSection? section = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAccountDirectoryRules(section);
        services.TryAddSingleton<InMemoryAccountDirectory>();
        services.Replace(ServiceDescriptor.Singleton<IAccountDirectoryStore>(sp => sp.GetRequiredService<InMemoryAccountDirectory>()));
        services.Replace(ServiceDescriptor.Singleton<IAccountDirectory>(sp => sp.GetRequiredService<IAccountDirectoryStore>()));
        services.Replace(ServiceDescriptor.Singleton<IContactLookup>(sp => sp.GetRequiredService<InMemoryAccountDirectory>()));
        return services;
    }

    /// <summary>
    /// Registers <see cref="AccountDirectoryOptions"/> (validated at start, bound from <paramref name="section"/>
    /// when given) and <see cref="AccountDirectoryRules"/>; every directory implementation calls it.
    /// </summary>
    public static IServiceCollection AddAccountDirectoryRules(this IServiceCollection services, IConfigurationSection? section = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        if (section is not null)
        {
            services.AddValidatedOptions<AccountDirectoryOptions>(section);
        }
        else
        {
            services.AddOptions<AccountDirectoryOptions>();
        }

        services.TryAddSingleton<AccountDirectoryRules>();
        return services;
    }
}
