using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace SyncHub.Redis;

/// <summary>
/// A Lua script run by its SHA1 (<c>EVALSHA</c>): only 40 bytes travel per call. When the server does not
/// have it cached (first use, restart, failover, <c>SCRIPT FLUSH</c>) it is sent once in full with
/// <c>EVAL</c>, which caches it again.
/// </summary>
internal sealed class RedisScript
{
    private volatile RedisKey[]? lastKeys;

    public RedisScript(string name, string text)
    {
        Name = name;
        Text = text;
#pragma warning disable CA5350 // SHA1 is how Redis names cached scripts, not a security measure.
        Hash = SHA1.HashData(Encoding.UTF8.GetBytes(text));
#pragma warning restore CA5350
    }

    public string Name { get; }

    public string Text { get; }

    public byte[] Hash { get; }

    /// <summary>
    /// Runs a script whose ARGV[1] is the deployment's key prefix (or a key under it), which is also given as its one KEYS
    /// entry: the keys a script touches depend on what it reads (the ticket an idempotency key names), so they cannot all be
    /// declared, but they all start with the prefix. On Redis Cluster a prefix with a hash tag (<c>{synchub}:</c>) puts every
    /// key of the deployment in that tag's slot, and KEYS[1] routes the call to the shard that holds it, where the script
    /// may touch any key of the slot.
    /// </summary>
    public Task<RedisResult> EvaluateAsync(IDatabaseAsync database, RedisValue[] arguments, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return EvaluateAsync(database, KeysOf(arguments[0]), arguments, logger);
    }

    public async Task<RedisResult> EvaluateAsync(IDatabaseAsync database, RedisKey[]? keys, RedisValue[] arguments, ILogger logger)
    {
        try
        {
            return await database.ScriptEvaluateAsync(Hash, keys, arguments);
        }
        catch (RedisServerException ex) when (RedisFailures.IsNoScript(ex))
        {
            return await LoadAsync(database, keys, arguments, logger);
        }
    }

    /// <summary>
    /// Sends the script in full (<c>EVAL</c>, which caches it again), after <c>EVALSHA</c> was answered NOSCRIPT: for a
    /// caller that awaits the <c>EVALSHA</c> itself (<see cref="EvaluateBySha"/>) rather than through <see cref="EvaluateAsync(IDatabaseAsync, RedisKey[], RedisValue[], ILogger)"/>,
    /// which would add an asynchronous step to every call.
    /// </summary>
    public Task<RedisResult> LoadAsync(IDatabaseAsync database, RedisKey[]? keys, RedisValue[] arguments, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        Log.ScriptLoaded(logger, Name);
        return database.ScriptEvaluateAsync(Text, keys, arguments);
    }

    /// <summary>
    /// <c>EVALSHA</c> of a script whose ARGV[1] is the key prefix (see <see cref="EvaluateAsync(IDatabaseAsync, RedisValue[], ILogger)"/>),
    /// without the reload on NOSCRIPT: the caller catches that (<see cref="RedisFailures.IsNoScript"/>) and calls
    /// <see cref="LoadAsync"/> with <see cref="KeysOf"/> of the prefix.
    /// </summary>
    public Task<RedisResult> EvaluateBySha(IDatabaseAsync database, RedisValue[] arguments)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(arguments);
        return database.ScriptEvaluateAsync(Hash, KeysOf(arguments[0]), arguments);
    }

    /// <summary>
    /// The one KEYS entry for <paramref name="prefix"/>: the array of the previous call when it names the same prefix
    /// (a deployment has one), as the multiplexer only reads it. The arrays are never written after they are made, so
    /// calls on other threads may share them.
    /// </summary>
    public RedisKey[] KeysOf(RedisValue prefix)
    {
        var keys = lastKeys;
        if (keys is null || keys[0] != (RedisKey)(string?)prefix)
        {
            keys = [new RedisKey((string?)prefix)];
            lastKeys = keys;
        }

        return keys;
    }
}
