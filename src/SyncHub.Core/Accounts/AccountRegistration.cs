using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Hosting;
using SyncHub.InMemory;
using SyncHub.Pipeline;
using SyncHub.Policies;

namespace SyncHub.Accounts;

/// <summary>Registers the account directory (account sources register through <see cref="ISyncHubBuilder.AddAccountSource{TSource, TOptions}"/>).</summary>
public static class AccountRegistration
{
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
