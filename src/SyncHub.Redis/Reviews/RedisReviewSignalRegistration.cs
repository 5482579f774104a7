using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SyncHub.Reviews;

namespace SyncHub.Redis.Reviews;

/// <summary>Registers the Redis app-review signal counter.</summary>
public static class RedisReviewSignalRegistration
{
    /// <summary>
    /// Replaces the in-memory <see cref="IReviewSignalStore"/> with <see cref="RedisReviewSignalStore"/>, so every hub instance
    /// sharing the Redis store counts frequent app-review issues together. Call with <c>AddRedisStore</c>, whose connection
    /// and key prefix it uses; before or after <c>AddSyncHubCore</c>.
    /// </summary>
    public static IServiceCollection AddRedisReviewSignals(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<IReviewSignalStore, RedisReviewSignalStore>());
        return services;
    }
}
