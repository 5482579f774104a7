using StackExchange.Redis;
using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests;

/// <summary>Reads the index bitmaps of a store (bit n set for ticket n, the high bit of a byte first) and writes them the old way.</summary>
internal static class IndexBitmaps
{
    /// <summary>The ticket numbers in the bitmap at <paramref name="key"/> (an index, or a frequent word's), ascending (none when it does not exist).</summary>
    public static async Task<List<long>> MembersAsync(IDatabase database, RedisKey key)
    {
        var bytes = (byte[]?)await database.StringGetAsync(key) ?? [];
        var members = new List<long>();
        for (var at = 0; at < bytes.Length; at++)
        {
            for (var offset = 0; offset < 8; offset++)
            {
                if ((bytes[at] & (0x80 >> offset)) != 0)
                {
                    members.Add((at * 8L) + offset);
                }
            }
        }

        return members;
    }

    /// <summary>The index keys under <paramref name="prefix"/> (every <c>index:</c> key but <c>index:risk</c>), with their Redis type.</summary>
    public static async Task<Dictionary<string, string>> KeysAsync(RedisServerFixture redis, string prefix)
    {
        var database = redis.Connection.GetDatabase();
        var keys = await redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]).ExecuteAsync("KEYS", prefix + "index:*");
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in ((RedisResult[])keys!).Select(k => (string)k!).Where(k => k != prefix + "index:risk"))
        {
            types[key] = (await database.KeyTypeAsync(key)).ToString();
        }

        return types;
    }

    /// <summary>
    /// Rewrites every index bitmap under <paramref name="prefix"/> as the sorted set a version before bitmaps wrote
    /// (member and score the ticket number); returns how many.
    /// </summary>
    public static async Task<int> WriteAsSortedSetsAsync(RedisServerFixture redis, string prefix)
    {
        var database = redis.Connection.GetDatabase();
        var keys = await KeysAsync(redis, prefix);
        foreach (var key in keys.Keys)
        {
            var members = await MembersAsync(database, key);
            await database.KeyDeleteAsync(key);
            await database.SortedSetAddAsync(key, [.. members.Select(n => new SortedSetEntry(n, n))]);
        }

        return keys.Count;
    }
}
