using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SyncHub.Agents;
using SyncHub.Domain;

namespace SyncHub.Redis;

/// <summary>
/// Agents' availability and the round-robin's turns, shared by every instance: the set <c>{prefix}agents:available</c>
/// of agent ids (lower case), and one counter per department, <c>{prefix}assignment:turn:{Department}</c>, advanced with
/// INCR (atomic: two instances never draw the same turn).
/// </summary>
public sealed class RedisAgentAvailability(IConnectionMultiplexer redis, IOptions<RedisStoreOptions> options, ILogger<RedisAgentAvailability> logger) : IAgentAvailability
{
    private readonly IDatabase database = redis.GetDatabase();
    private readonly string prefix = options.Value.KeyPrefix;

    private RedisKey Available => prefix + "agents:available";

    public async Task SetAsync(string agentId, bool available, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        cancellationToken.ThrowIfCancellationRequested();
        var member = agentId.ToLowerInvariant();
        await RedisFailures.GuardAsync(
            () => available ? database.SetAddAsync(Available, member) : database.SetRemoveAsync(Available, member), logger, "availability write");
    }

    public async Task<bool> IsAvailableAsync(string agentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        cancellationToken.ThrowIfCancellationRequested();
        return await RedisFailures.GuardAsync(() => database.SetContainsAsync(Available, agentId.ToLowerInvariant()), logger, "availability read");
    }

    public async Task<IReadOnlySet<string>> AvailableAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var members = await RedisFailures.GuardAsync(() => database.SetMembersAsync(Available), logger, "availability read");
        return new HashSet<string>(members.Select(m => m.ToString()), StringComparer.OrdinalIgnoreCase);
    }

    public async Task<long> NextTurnAsync(Department department, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await RedisFailures.GuardAsync(() => database.StringIncrementAsync(prefix + "assignment:turn:" + department), logger, "round-robin turn");
    }
}
