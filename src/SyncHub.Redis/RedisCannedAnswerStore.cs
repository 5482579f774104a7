using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SyncHub.Domain;
using SyncHub.Workflow;

namespace SyncHub.Redis;

/// <summary>The canned answers: one hash, <c>{prefix}canned-answers</c>, id to the answer's JSON.</summary>
public sealed class RedisCannedAnswerStore(IConnectionMultiplexer redis, IOptions<RedisStoreOptions> options, ILogger<RedisCannedAnswerStore> logger) : ICannedAnswerStore
{
    // Replaces a field only while it exists, so a PUT racing a DELETE never brings the answer back.
    private const string ReplaceScript = "if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) return 1 end return 0";

    private readonly IDatabase database = redis.GetDatabase();
    private readonly RedisKey key = options.Value.KeyPrefix + "canned-answers";

    public async Task<IReadOnlyList<CannedAnswer>> ListAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = await RedisFailures.GuardAsync(() => database.HashGetAllAsync(key), logger, "canned answers read");
        return [.. entries.Select(e => Read(e.Value)).OrderBy(a => a.Title, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    public async Task<CannedAnswer?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        var value = await RedisFailures.GuardAsync(() => database.HashGetAsync(key, id), logger, "canned answer read");
        return value.IsNull ? null : Read(value);
    }

    public async Task<CannedAnswer> AddAsync(CannedAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        cancellationToken.ThrowIfCancellationRequested();
        var added = await RedisFailures.GuardAsync(() => database.HashSetAsync(key, answer.Id, Write(answer), When.NotExists), logger, "canned answer write");
        return added ? answer : await GetAsync(answer.Id, cancellationToken) ?? answer;
    }

    public async Task<bool> ReplaceAsync(CannedAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        cancellationToken.ThrowIfCancellationRequested();
        var result = await RedisFailures.GuardAsync(() => database.ScriptEvaluateAsync(ReplaceScript, [key], [answer.Id, Write(answer)]), logger, "canned answer write");
        return (long)result == 1;
    }

    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        return await RedisFailures.GuardAsync(() => database.HashDeleteAsync(key, id), logger, "canned answer delete");
    }

    private static byte[] Write(CannedAnswer answer) => JsonSerializer.SerializeToUtf8Bytes(answer, SyncHubJson.Options);

    private static CannedAnswer Read(RedisValue value) =>
        JsonSerializer.Deserialize<CannedAnswer>((byte[])value!, SyncHubJson.Options) ?? throw new JsonException("A stored canned answer is null.");
}
