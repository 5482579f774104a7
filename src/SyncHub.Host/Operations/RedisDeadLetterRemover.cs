using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SyncHub.Domain;
using SyncHub.Redis;
using SyncHub.Storage;

namespace SyncHub.Host.Operations;

/// <summary>
/// Takes replayed letters out of the Redis dead-letter list (<c>{prefix}dead-letters</c>, written by
/// <see cref="RedisDeadLetterStore"/>): reads the list once, finds each letter's stored entry by value and removes that
/// exact entry with LREM, so letters added meanwhile are untouched and a letter another replay took is simply not
/// found. It lives in the host until the Redis store implements <see cref="IDeadLetterRemover"/> itself.
/// </summary>
internal sealed class RedisDeadLetterRemover(IConnectionMultiplexer redis, IOptions<RedisStoreOptions> options) : IDeadLetterRemover
{
    private readonly RedisKey key = options.Value.KeyPrefix + "dead-letters";

    public async Task<int> RemoveAsync(IReadOnlyCollection<DeadLetter> letters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letters);
        if (letters.Count == 0)
        {
            return 0;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var wanted = letters.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var database = redis.GetDatabase();
        var removed = 0;
        foreach (var value in await database.ListRangeAsync(key))
        {
            if (Read(value) is { } letter && wanted.TryGetValue(letter, out var left) && left > 0)
            {
                wanted[letter] = left - 1;
                removed += (int)await database.ListRemoveAsync(key, value, 1);
            }
        }

        return removed;
    }

    private static DeadLetter? Read(RedisValue value)
    {
        try
        {
            return JsonSerializer.Deserialize<DeadLetter>((byte[])value!, SyncHubJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
