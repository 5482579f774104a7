using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SyncHub.Leases;
using SyncHub.Outbox;
using SyncHub.Redis.Leases;
using SyncHub.Redis.Outbox;
using SyncHub.Storage;

namespace SyncHub.Redis;

/// <summary>Registers the Redis ticket, checkpoint, dead-letter and lease stores and the one connection they share.</summary>
public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Redis stores in place of any store registered before (the host calls this instead of
    /// <c>AddInMemoryStore</c>). Reads <c>ConnectionStrings:Redis</c> and <c>SyncHub:Redis</c>, validated at
    /// start. The connection does not abort when Redis is down: the hub starts, reports the store unready
    /// and reconnects by itself. An <see cref="IConnectionMultiplexer"/> registered before is reused. The Lua
    /// scripts are read here, so one missing from the build throws at registration.
    /// </summary>
    public static IServiceCollection AddRedisStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        RedisScripts.EnsureLoaded();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisStoreOptions>, RedisStoreOptionsValidator>());
        services.AddOptions<RedisStoreOptions>()
            .Bind(configuration.GetSection(RedisStoreOptions.SectionName), o => o.ErrorOnUnknownConfiguration = false)
            .Configure(o => o.ConnectionString = configuration.GetConnectionString(RedisStoreOptions.ConnectionStringName))
            .ValidateOnStart();

        services.TryAddSingleton<IConnectionMultiplexer>(Connect);

        // First of the hosted services, so the host stops it last (see RedisConnectionCloser).
        if (!services.Any(d => d.ImplementationType == typeof(RedisConnectionCloser)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, RedisConnectionCloser>());
        }
        services.TryAddSingleton<ReplicaAcknowledgement>();
        services.Replace(ServiceDescriptor.Singleton<ITicketStore, RedisTicketStore>());
        services.Replace(ServiceDescriptor.Singleton<ITicketCounts, RedisTicketCounts>());
        services.Replace(ServiceDescriptor.Singleton<ICheckpointStore, RedisCheckpointStore>());
        services.Replace(ServiceDescriptor.Singleton<IDeadLetterStore, RedisDeadLetterStore>());
        services.Replace(ServiceDescriptor.Singleton<IDeadLetterRemover, RedisDeadLetterStore>());
        services.Replace(ServiceDescriptor.Singleton<ILeaseStore, RedisLeaseStore>());
        services.Replace(ServiceDescriptor.Singleton<IOutboxAppender, RedisOutboxAppender>());
        services.Replace(ServiceDescriptor.Singleton<SyncHub.Agents.IAgentAvailability, RedisAgentAvailability>());
        services.Replace(ServiceDescriptor.Singleton<SyncHub.Workflow.ICannedAnswerStore, RedisCannedAnswerStore>());
        return services;
    }

    private static ConnectionMultiplexer Connect(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<RedisStoreOptions>>().Value;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(typeof(RedisTicketStore).Namespace!) ?? NullLogger.Instance;
        var configuration = ConfigurationOptions.Parse(options.ConnectionString!);
        configuration.AbortOnConnectFail = false;

        // While the connection is known to be down, a command fails at once instead of waiting in the backlog for the
        // timeout: intake answers 503 with Retry-After immediately, pollers and the outbox go to their own backoff.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ClientName ??= "synchub";

        // "Ready" is said once, when Redis first answers: at start, or when a hub started while Redis was down connects.
        var ready = 0;
        void Ready()
        {
            if (Interlocked.Exchange(ref ready, 1) == 0)
            {
                Log.StoreConfigured(logger, options.KeyPrefix);
            }
        }

        var connection = ConnectionMultiplexer.Connect(configuration);
        connection.ConnectionFailed += (_, e) => Log.ConnectionFailed(logger, e.Exception, Describe(e.EndPoint), e.FailureType.ToString());
        connection.ConnectionRestored += (_, e) =>
        {
            Log.ConnectionRestored(logger, Describe(e.EndPoint));
            Ready();
        };
        if (connection.IsConnected)
        {
            RequireHashTagOnCluster(connection, options.KeyPrefix);
            Ready();
        }
        else
        {
            Log.NotConnectedAtStart(logger, string.Join(", ", configuration.EndPoints.Select(Describe)));
        }

        return connection;
    }

    /// <summary>
    /// On Redis Cluster every key of a deployment must live in one slot (a script touches many of them), which a hash tag
    /// in the prefix gives: <c>{synchub}:</c>. Without one the first script would fail with CROSSSLOT; the start fails
    /// instead, naming the setting.
    /// </summary>
    private static void RequireHashTagOnCluster(ConnectionMultiplexer connection, string prefix)
    {
        var cluster = connection.GetEndPoints().Select(e => connection.GetServer(e)).Any(s => s.IsConnected && s.ServerType == ServerType.Cluster);
        if (cluster && !HasHashTag(prefix))
        {
            connection.Dispose();
            throw new OptionsValidationException(Options.DefaultName, typeof(RedisStoreOptions), [
                $"{RedisStoreOptions.SectionName}:{nameof(RedisStoreOptions.KeyPrefix)}: on Redis Cluster the prefix must hold a hash tag, so one deployment's keys share a slot: e.g. {{{prefix.TrimEnd(':')}}}:"]);
        }
    }

    /// <summary>True when <paramref name="prefix"/> holds a non-empty <c>{tag}</c>, the part Redis Cluster hashes.</summary>
    internal static bool HasHashTag(string prefix)
    {
        var open = prefix.IndexOf('{', StringComparison.Ordinal);
        var close = open < 0 ? -1 : prefix.IndexOf('}', open + 1);
        return close > open + 1;
    }

    // Endpoints only: the configuration string may hold a password and is never logged.
    private static string Describe(System.Net.EndPoint? endPoint) => endPoint?.ToString() ?? "(unknown)";
}
