using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using SyncHub.Accounts;
using SyncHub.Policies;

namespace SyncHub.Redis.Accounts;

/// <summary>Registers the Redis account directory.</summary>
public static class RedisAccountDirectoryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RedisAccountDirectory"/> as both <see cref="IAccountDirectoryStore"/> (fed by account
    /// sources) and <see cref="IAccountDirectory"/> (read at ticket creation), replacing any directory registered
    /// before. Matching options are bound from <paramref name="section"/> (usually <c>SyncHub:Accounts</c>) when
    /// given. It uses the connection and key prefix of the Redis store: call it after <c>AddRedisStore</c>. With
    /// <c>SyncHub:Accounts:Mirror</c> on, the host's start begins loading the mirror (<see cref="RedisAccountMirrorService"/>).
    /// </summary>
    public static IServiceCollection AddRedisAccountDirectory(this IServiceCollection services, IConfigurationSection? section = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ServiceType == typeof(IConnectionMultiplexer)))
        {
            throw new InvalidOperationException("AddRedisAccountDirectory uses the Redis store's connection: call AddRedisStore(configuration) first.");
        }

        services.AddAccountDirectoryRules(section);
        services.TryAddSingleton<RedisAccountDirectory>();
        services.Replace(ServiceDescriptor.Singleton<IAccountDirectoryStore>(sp => sp.GetRequiredService<RedisAccountDirectory>()));
        services.Replace(ServiceDescriptor.Singleton<IAccountDirectory>(sp => sp.GetRequiredService<IAccountDirectoryStore>()));
        services.Replace(ServiceDescriptor.Singleton<IContactLookup>(sp => sp.GetRequiredService<RedisAccountDirectory>()));
        services.AddHostedService<RedisAccountMirrorService>();
        return services;
    }
}
