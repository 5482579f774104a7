using System.Runtime.CompilerServices;
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
    public ValueTask<RedisResult> RunAsync(IDatabaseAsync database, RedisValue[] arguments, ILogger logger, string operation)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return RunAsync(database, KeysOf(arguments[0]), arguments, logger, operation);
    }

    /// <summary>
    /// Runs the script as a store call: <c>EVALSHA</c>, the script in full after a NOSCRIPT answer, and a store that is down
    /// or unreachable (<see cref="RedisFailures.IsUnavailable"/>) logged as <paramref name="operation"/> and thrown as
    /// <see cref="Storage.StoreUnavailableException"/>. One asynchronous step per call, awaited once by its caller: its state
    /// machine comes from the runtime's pool rather than a new box per call (every ticket's creation runs here).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<RedisResult> RunAsync(IDatabaseAsync database, RedisKey[]? keys, RedisValue[] arguments, ILogger logger, string operation)
    {
        ArgumentNullException.ThrowIfNull(database);
        try
        {
            try
            {
                return await database.ScriptEvaluateAsync(Hash, keys, arguments);
            }
            catch (RedisServerException ex) when (RedisFailures.IsNoScript(ex))
            {
                Log.ScriptLoaded(logger, Name);
                return await database.ScriptEvaluateAsync(Text, keys, arguments);
            }
        }
        catch (Exception ex) when (RedisFailures.IsUnavailable(ex))
        {
            Log.Unavailable(logger, ex, operation);
            throw RedisFailures.Unavailable(ex);
        }
    }

    /// <summary>
    /// The one KEYS entry for <paramref name="prefix"/>: the array of the previous call when it names the same prefix
    /// (a deployment has one), as the multiplexer only reads it. The arrays are never written after they are made, so
    /// calls on other threads may share them.
    /// </summary>
    private RedisKey[] KeysOf(RedisValue prefix)
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
