using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using SyncHub.Outbox;

namespace SyncHub.Redis.Outbox;

/// <summary>Registers the Redis outbox queue.</summary>
public static class RedisOutboxServiceCollectionExtensions
{
    /// <summary>
    /// Makes the notifiers consume the Redis outbox stream through consumer groups (<see cref="RedisOutboxQueue"/>)
    /// in place of any <see cref="IOutboxQueue"/> registered before. It uses the connection and key prefix of the
    /// Redis store: call it after <c>AddRedisStore</c>. It also trims the stream of delivered entries (<see cref="RedisOutboxTrimmer"/>).
    /// </summary>
    public static IServiceCollection AddRedisOutbox(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ServiceType == typeof(IConnectionMultiplexer)))
        {
            throw new InvalidOperationException("AddRedisOutbox uses the Redis store's connection: call AddRedisStore(configuration) first.");
        }

        services.Replace(ServiceDescriptor.Singleton<IOutboxQueue, RedisOutboxQueue>());
        if (!services.Any(d => d.ImplementationType == typeof(RedisOutboxTrimmer)))
        {
            services.AddSingleton<RedisOutboxTrimmer>();
            services.AddHostedService(sp => sp.GetRequiredService<RedisOutboxTrimmer>());
        }

        return services;
    }
}
