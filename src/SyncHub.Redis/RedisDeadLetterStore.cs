using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SyncHub.Storage;

namespace SyncHub.Redis;

/// <summary>
/// The dead-letter list, <c>{prefix}dead-letters</c>: one JSON entry per record, oldest first. A retried add
/// after a lost connection may store a letter twice; a letter is never lost.
/// </summary>
public sealed class RedisDeadLetterStore(
    IConnectionMultiplexer redis,
    IOptions<RedisStoreOptions> options,
    ILogger<RedisDeadLetterStore> logger,
    ReplicaAcknowledgement? replicas = null) : IDeadLetterStore, IDeadLetterRemover
{
    private readonly IDatabase database = redis.GetDatabase();
    private readonly RedisKey key = options.Value.KeyPrefix + "dead-letters";

    public async Task AddAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        cancellationToken.ThrowIfCancellationRequested();
        var json = JsonSerializer.SerializeToUtf8Bytes(letter, StoreJson.Options);
        await RedisFailures.GuardAsync(() => database.ListRightPushAsync(key, json), logger, "dead-letter write");
        if (replicas is not null)
        {
            await replicas.WaitAsync("dead-letter write");
        }
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int count, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (count <= 0)
        {
            return [];
        }

        var values = await RedisFailures.GuardAsync(() => database.ListRangeAsync(key, -count, -1), logger, "dead-letter read");

        var letters = new List<DeadLetter>(values.Length);
        foreach (var value in values)
        {
            letters.Add(JsonSerializer.Deserialize<DeadLetter>((byte[])value!, StoreJson.Options)
                ?? throw new JsonException("A stored dead letter is null."));
        }

        return letters;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await RedisFailures.GuardAsync(() => database.ListLengthAsync(key), logger, "dead-letter count");
    }

    /// <summary>
    /// Takes replayed letters out of the list: reads it once, finds each letter's stored entry by value and removes that
    /// exact entry (LREM), so letters added meanwhile are untouched and a letter another replay took is simply not found.
    /// </summary>
    public async Task<int> RemoveAsync(IReadOnlyCollection<DeadLetter> letters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letters);
        if (letters.Count == 0)
        {
            return 0;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var wanted = letters.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var removed = 0;
        foreach (var value in await RedisFailures.GuardAsync(() => database.ListRangeAsync(key), logger, "dead-letter read"))
        {
            if (ReadOrNull(value) is { } letter && wanted.TryGetValue(letter, out var left) && left > 0)
            {
                wanted[letter] = left - 1;
                removed += (int)await RedisFailures.GuardAsync(() => database.ListRemoveAsync(key, value, 1), logger, "dead-letter removal");
            }
        }

        return removed;
    }

    private static DeadLetter? ReadOrNull(RedisValue value)
    {
        try
        {
            return JsonSerializer.Deserialize<DeadLetter>((byte[])value!, StoreJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
