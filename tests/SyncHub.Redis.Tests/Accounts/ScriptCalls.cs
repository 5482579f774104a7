using System.Globalization;
using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests.Accounts;

/// <summary>How many EVALSHA calls the server has run (<c>INFO commandstats</c>): a look-up served from memory adds none.</summary>
internal static class ScriptCalls
{
    public static async Task<long> CountAsync(RedisServerFixture redis)
    {
        var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);
        var stats = (await server.InfoAsync("commandstats")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);
        return stats.TryGetValue("cmdstat_evalsha", out var line) && line.Split(',')[0].Split('=') is [_, var calls] ? long.Parse(calls, CultureInfo.InvariantCulture) : 0;
    }
}
