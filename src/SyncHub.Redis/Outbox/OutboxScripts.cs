namespace SyncHub.Redis.Outbox;

/// <summary>The outbox queue's Lua script. Like the store's scripts it takes every key in ARGV (a non-cluster Redis).</summary>
internal static class OutboxScripts
{
    /// <summary>
    /// Claims up to <c>count</c> entries of the group pending longer than <c>minIdle</c> ms for <c>consumer</c>
    /// (XAUTOCLAIM from the start of the pending list until enough are claimed or the list is walked), and reads
    /// each claimed entry's delivery count in the same atomic step, so no other claim can come in between.
    /// Entries deleted from the stream while pending are dropped from the pending list (Redis 7 does that itself;
    /// on 6.2 they come back without fields and are acknowledged here).
    /// ARGV: stream key, group, consumer, minIdle ms, count. Returns {id, delivery count, event JSON, ...}.
    /// </summary>
    public static readonly RedisScript Claim = new("outbox-claim", """
        local key, group, consumer, minIdle = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
        local count = tonumber(ARGV[5])
        local claimed, found, cursor = {}, 0, '0-0'
        repeat
          local reply = redis.call('XAUTOCLAIM', key, group, consumer, minIdle, cursor, 'COUNT', count - found)
          cursor = reply[1]
          for _, entry in ipairs(reply[2]) do
            if entry and entry[2] then
              local id, fields, json = entry[1], entry[2], false
              for f = 1, #fields, 2 do
                if fields[f] == 'event' then
                  json = fields[f + 1]
                end
              end
              local pending = redis.call('XPENDING', key, group, id, id, 1)
              claimed[#claimed + 1] = id
              claimed[#claimed + 1] = pending[1][4]
              claimed[#claimed + 1] = json
              found = found + 1
            elseif entry and entry[1] then
              redis.call('XACK', key, group, entry[1])
            end
          end
        until cursor == '0-0' or found >= count
        return claimed
        """);
}
