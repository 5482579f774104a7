namespace SyncHub.Redis.Accounts;

/// <summary>
/// The Lua scripts of the Redis account directory. ARGV[1] is the key prefix; every key is derived from it
/// (<c>{prefix}accounts:...</c>, layout in Outbox/README.md), so, like the store, the directory needs a non-cluster
/// Redis. A look-up key set (<c>email:</c>, <c>contact-phone:</c>, <c>domain:</c>, <c>phone:</c>) is a sorted set of
/// record ids scored by minus the record's modification time in microseconds: the first member is the most
/// recently modified record, ties in id order.
/// </summary>
internal static class AccountScripts
{
    /// <summary>
    /// Upserts accounts and contacts; each record is skipped when the stored version is newer (by modification
    /// time), else it replaces the stored one and moves its look-up keys (the old version's keys are removed).
    /// ARGV: prefix, account count, per account: id, modified µs, score (-modified µs), account JSON, meta JSON,
    /// key count, keys; contact count, per contact: id, modified µs, score, meta JSON, key count, keys.
    /// Meta JSON is <c>{"modified": µs, "account": contact's account id (contacts only), "keys": [...]}</c>.
    /// Returns {accounts written, contacts written}.
    /// </summary>
    public static readonly RedisScript Upsert = new("accounts-upsert", """
        local p = ARGV[1] .. 'accounts:'

        -- Stores the meta of record id unless a newer version is stored; ARGV[at] is its key count, the keys follow.
        -- Returns whether it was written and the index after its keys.
        local function replace(metas, id, modified, score, meta, at)
          local count = tonumber(ARGV[at])
          local old = redis.call('HGET', metas, id)
          if old then
            local previous = cjson.decode(old)
            if previous.modified > modified then
              return false, at + count + 1
            end
            for _, k in ipairs(previous.keys) do
              redis.call('ZREM', p .. k, id)
            end
          end
          redis.call('HSET', metas, id, meta)
          for k = at + 1, at + count do
            redis.call('ZADD', p .. ARGV[k], score, id)
          end
          return true, at + count + 1
        end

        local accounts, contacts = 0, 0
        local i = 3
        for _ = 1, tonumber(ARGV[2]) do
          local written, after = replace(p .. 'account-meta', ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2], ARGV[i + 4], i + 5)
          if written then
            redis.call('HSET', p .. 'account', ARGV[i], ARGV[i + 3])
            accounts = accounts + 1
          end
          i = after
        end
        local n = tonumber(ARGV[i])
        i = i + 1
        for _ = 1, n do
          local written, after = replace(p .. 'contact', ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2], ARGV[i + 3], i + 4)
          if written then
            contacts = contacts + 1
          end
          i = after
        end
        return {accounts, contacts}
        """);

    /// <summary>
    /// The JSON of the account a requester belongs to, or nil: the account of the most recently modified contact
    /// with that address whose account is stored, else the most recently modified account with the address's
    /// domain, else the same two by phone (contacts first). ARGV: prefix, e-mail, domain, phone ('' for none).
    /// </summary>
    public static readonly RedisScript Find = new("accounts-find", """
        local p = ARGV[1] .. 'accounts:'
        local accounts = p .. 'account'

        local function ofContacts(key)
          for _, id in ipairs(redis.call('ZRANGE', p .. key, 0, -1)) do
            local meta = redis.call('HGET', p .. 'contact', id)
            if meta then
              local account = cjson.decode(meta).account
              if type(account) == 'string' then
                local json = redis.call('HGET', accounts, account)
                if json then
                  return json
                end
              end
            end
          end
          return false
        end

        local function latest(key)
          local id = redis.call('ZRANGE', p .. key, 0, 0)[1]
          if id then
            return redis.call('HGET', accounts, id)
          end
          return false
        end

        local email, domain, phone = ARGV[2], ARGV[3], ARGV[4]
        return (email ~= '' and ofContacts('email:' .. email))
          or (domain ~= '' and latest('domain:' .. domain))
          or (phone ~= '' and (ofContacts('contact-phone:' .. phone) or latest('phone:' .. phone)))
          or false
        """);
}
