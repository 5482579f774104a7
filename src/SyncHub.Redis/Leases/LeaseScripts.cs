namespace SyncHub.Redis.Leases;

/// <summary>
/// The Lua scripts of the leases and of the fenced checkpoint commit, each atomic on the server. ARGV[1] is the key
/// prefix; the scripts derive their keys from it (the layout is in README.md). A lease is the string
/// <c>{p}lease:{name}</c> = <c>{token}:{owner}</c> with a millisecond expiry; <c>{p}lease-token:{name}</c> counts
/// the tokens given for the name and never expires.
/// </summary>
internal static class LeaseScripts
{
    /// <summary>
    /// ARGV: prefix, name, owner, ttl in ms. Answers the token (a string) when the owner now holds the lease: a new,
    /// higher token from INCR when the name was free (SET NX PX), or the owner's own token, with the expiry extended,
    /// when it held it already. Nil while another owner holds it.
    /// </summary>
    public static readonly RedisScript Acquire = new("lease-acquire", """
        local key = ARGV[1] .. 'lease:' .. ARGV[2]
        local held = redis.call('GET', key)
        if held then
          local sep = string.find(held, ':', 1, true)
          if sep and string.sub(held, sep + 1) == ARGV[3] then
            redis.call('PEXPIRE', key, ARGV[4])
            return string.sub(held, 1, sep - 1)
          end
          return false
        end
        local token = redis.call('INCR', ARGV[1] .. 'lease-token:' .. ARGV[2])
        redis.call('SET', key, token .. ':' .. ARGV[3], 'NX', 'PX', ARGV[4])
        return tostring(token)
        """);

    /// <summary>ARGV: prefix, name, <c>{token}:{owner}</c>, ttl in ms. Extends the lease if it is still that value: 1, else 0.</summary>
    public static readonly RedisScript Renew = new("lease-renew", """
        local key = ARGV[1] .. 'lease:' .. ARGV[2]
        if redis.call('GET', key) == ARGV[3] then
          redis.call('PEXPIRE', key, ARGV[4])
          return 1
        end
        return 0
        """);

    /// <summary>ARGV: prefix, name, <c>{token}:{owner}</c>. Deletes the lease if it is still that value: 1, else 0.</summary>
    public static readonly RedisScript Release = new("lease-release", """
        local key = ARGV[1] .. 'lease:' .. ARGV[2]
        if redis.call('GET', key) == ARGV[3] then
          redis.call('DEL', key)
          return 1
        end
        return 0
        """);

    /// <summary>
    /// ARGV: prefix, source, cursor, fencing token. Writes the cursor to <c>{p}checkpoints</c> and the token to
    /// <c>{p}checkpoint-tokens</c> unless a higher token was committed for the source before: 1 when written, else 0.
    /// </summary>
    public static readonly RedisScript FencedCommit = new("checkpoint-commit", """
        local tokens = ARGV[1] .. 'checkpoint-tokens'
        local last = redis.call('HGET', tokens, ARGV[2])
        if last and tonumber(last) > tonumber(ARGV[4]) then
          return 0
        end
        redis.call('HSET', ARGV[1] .. 'checkpoints', ARGV[2], ARGV[3])
        redis.call('HSET', tokens, ARGV[2], ARGV[4])
        return 1
        """);
}
