namespace SyncHub.Redis;

/// <summary>
/// The Lua scripts of the ticket store. Each runs atomically on the server. ARGV[1] is always the key prefix;
/// the scripts derive every key from it (the key layout is in README.md), which is why the store needs a
/// non-cluster Redis. Index sets hold ticket numbers as members with the number as score.
/// </summary>
internal static class RedisScripts
{
    /// <summary>
    /// Shared by create and update: ARGV[at] is a count of history JSON entries that follow it; they are appended
    /// to the ticket's history list. Returns the index after them (where the outbox count is).
    /// </summary>
    private const string AppendHistory = """
        local function appendHistory(ticketKey, at)
          local count = tonumber(ARGV[at])
          if count > 0 then
            redis.call('RPUSH', ticketKey .. ':history', unpack(ARGV, at + 1, at + count))
          end
          return at + count + 1
        end

        """;

    /// <summary>
    /// Shared by create, update and due: the SLA set suffixes, in the order of <c>SlaDeadlineKind</c> (as
    /// <see cref="TicketIndexes.SlaSets"/>), and setSla, which puts number n into each set whose score ARGV[at + k - 1]
    /// is not '' and takes it out of the others; plus setBreached, which does the same for the breached index.
    /// </summary>
    private const string SlaSets = """
        local slaSets = {'sla:first-response', 'sla:resolution', 'sla:first-response-at-risk', 'sla:resolution-at-risk'}
        local function setSla(p, n, at)
          for k = 1, #slaSets do
            local score = ARGV[at + k - 1]
            if score == '' then
              redis.call('ZREM', p .. slaSets[k], n)
            else
              redis.call('ZADD', p .. slaSets[k], score, n)
            end
          end
        end
        local function setBreached(p, n, breached)
          if breached == '1' then
            redis.call('ZADD', p .. 'index:breached', n, n)
          else
            redis.call('ZREM', p .. 'index:breached', n)
          end
        end

        """;

    /// <summary>
    /// Creates a ticket, or answers a replay, or threads a follow-up. Returns {outcome, id, number}:
    /// 0 created, 1 duplicate, 2 threaded.
    /// A thread key <c>ticket:{number}</c> (ARGV[19] holds the number) names the ticket with that number; any
    /// other thread key is looked up in <c>threads</c>. Without a match the record becomes a new ticket.
    /// ARGV: prefix, idempotency field, id, thread key ('' for none), ticket JSON, version, updatedAt,
    /// threaded-entry JSON, threaded-entry time, department, status, priority and channel index names
    /// (ARGV[10..13]), the four SLA scores in <c>SlaDeadlineKind</c> order ('' when not live; ARGV[14..17]),
    /// breached ('1' or '0'), the number a <c>ticket:{number}</c> thread key names (''), first number,
    /// the earliest updatedAt a windowed thread may continue on ('' for no window; ARGV[21]), history count, the history JSON entries, outbox count, then per event: type, JSON head, JSON tail
    /// (the number goes between).
    /// </summary>
    public static readonly RedisScript Create = new("create", AppendHistory + SlaSets + """
        local p = ARGV[1]
        local idempotency = p .. 'idempotency'
        local existing = redis.call('HGET', idempotency, ARGV[2])
        if existing then
          return {1, existing, redis.call('HGET', p .. 'ticket:' .. existing, 'number')}
        end
        local threadKey = ARGV[4]
        local threadNumber = ARGV[19]
        if threadKey ~= '' then
          local parent
          if threadNumber ~= '' then
            parent = redis.call('HGET', p .. 'numbers', threadNumber)
          else
            parent = redis.call('HGET', p .. 'threads', threadKey)
          end
          if parent then
            local parentKey = p .. 'ticket:' .. parent
            local parentNumber = redis.call('HGET', parentKey, 'number')
            if parentNumber and ARGV[21] ~= '' then
              -- A windowed thread continues only on an open ticket updated within the window.
              local closed = redis.call('ZSCORE', p .. 'index:status:Solved', parentNumber) or redis.call('ZSCORE', p .. 'index:status:Closed', parentNumber)
              if closed or redis.call('HGET', parentKey, 'updatedAt') < ARGV[21] then
                parentNumber = false
              end
            end
            if parentNumber then
              redis.call('RPUSH', parentKey .. ':history', ARGV[8])
              redis.call('HINCRBY', parentKey, 'version', 1)
              redis.call('HSET', parentKey, 'updatedAt', ARGV[9])
              redis.call('HSET', idempotency, ARGV[2], parent)
              return {2, parent, parentNumber}
            end
          end
        end
        local counter = p .. 'counter'
        local n = redis.call('INCR', counter)
        local first = tonumber(ARGV[20])
        if n < first then
          n = first
          redis.call('SET', counter, n)
        end
        local id = ARGV[3]
        local ticketKey = p .. 'ticket:' .. id
        redis.call('HSET', ticketKey, 'json', ARGV[5], 'number', n, 'version', ARGV[6], 'updatedAt', ARGV[7])
        redis.call('HSET', p .. 'numbers', n, id)
        redis.call('HSET', idempotency, ARGV[2], id)
        if threadKey ~= '' and threadNumber == '' then
          redis.call('HSET', p .. 'threads', threadKey, id)
        end
        redis.call('ZADD', p .. 'index:all', n, n)
        for i = 10, 13 do
          redis.call('ZADD', p .. 'index:' .. ARGV[i], n, n)
        end
        for k = 1, #slaSets do
          if ARGV[13 + k] ~= '' then
            redis.call('ZADD', p .. slaSets[k], ARGV[13 + k], n)
          end
        end
        if ARGV[18] == '1' then
          redis.call('ZADD', p .. 'index:breached', n, n)
        end
        local i = appendHistory(ticketKey, 22)
        for _ = 1, tonumber(ARGV[i]) do
          redis.call('XADD', p .. 'outbox', '*', 'type', ARGV[i + 1], 'event', ARGV[i + 2] .. n .. ARGV[i + 3])
          i = i + 3
        end
        return {0, id, n}
        """);

    /// <summary>
    /// Reads one ticket with its history, by id or (id '') by number. Returns nil, or
    /// {id, json, number, version, updatedAt, {history JSON...}}.
    /// ARGV: prefix, id, number.
    /// </summary>
    public static readonly RedisScript Get = new("get", """
        local p = ARGV[1]
        local id = ARGV[2]
        if id == '' then
          id = redis.call('HGET', p .. 'numbers', ARGV[3])
          if not id then
            return nil
          end
        end
        local ticketKey = p .. 'ticket:' .. id
        local fields = redis.call('HMGET', ticketKey, 'json', 'number', 'version', 'updatedAt')
        if not fields[1] then
          return nil
        end
        return {id, fields[1], fields[2], fields[3], fields[4], redis.call('LRANGE', ticketKey .. ':history', 0, -1)}
        """);

    /// <summary>
    /// One page, newest first: walks the smallest of the filter indexes (or index:all when there is none)
    /// downward from the cursor, checks the other filters with ZSCORE (a filter name starting with '!' must
    /// not hold the ticket), and stops after limit + 1 matches or after examining the scan limit (then the
    /// cursor is the last number examined). Returns {next ('' for none), then per ticket: id, json, number,
    /// version, updatedAt}.
    /// ARGV: prefix, before ('' for the first page), limit, scan limit, then the filter index names.
    /// </summary>
    public static readonly RedisScript List = new("list", """
        local p = ARGV[1]
        local limit = tonumber(ARGV[3])
        local budget = tonumber(ARGV[4])
        local primary = p .. 'index:all'
        local others = {}
        local excluded = {}
        local best, bestCount = 0, -1
        for i = 5, #ARGV do
          if string.sub(ARGV[i], 1, 1) == '!' then
            excluded[#excluded + 1] = p .. 'index:' .. string.sub(ARGV[i], 2)
          else
            local c = redis.call('ZCARD', p .. 'index:' .. ARGV[i])
            if bestCount < 0 or c < bestCount then
              best, bestCount = i, c
            end
          end
        end
        if best > 0 then
          primary = p .. 'index:' .. ARGV[best]
        end
        for i = 5, #ARGV do
          if i ~= best and string.sub(ARGV[i], 1, 1) ~= '!' then
            others[#others + 1] = p .. 'index:' .. ARGV[i]
          end
        end
        local batch = limit + 1
        if #others > 0 or #excluded > 0 then
          batch = math.max(batch, 256)
        end
        local max = '+inf'
        if ARGV[2] ~= '' then
          max = '(' .. ARGV[2]
        end
        local found = {}
        local next = ''
        local scanned = 0
        local done = false
        while not done do
          local members = redis.call('ZRANGE', primary, max, '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, batch)
          for _, member in ipairs(members) do
            local match = true
            for _, other in ipairs(others) do
              if not redis.call('ZSCORE', other, member) then
                match = false
                break
              end
            end
            if match then
              for _, other in ipairs(excluded) do
                if redis.call('ZSCORE', other, member) then
                  match = false
                  break
                end
              end
            end
            if match then
              if #found == limit then
                next = found[limit]
                done = true
                break
              end
              found[#found + 1] = member
            end
            scanned = scanned + 1
            if scanned >= budget then
              next = member
              done = true
              break
            end
          end
          if #members < batch then
            done = true
          else
            max = '(' .. members[#members]
          end
        end
        local result = {next}
        local numbers = p .. 'numbers'
        for _, number in ipairs(found) do
          local id = redis.call('HGET', numbers, number)
          if id then
            local fields = redis.call('HMGET', p .. 'ticket:' .. id, 'json', 'number', 'version', 'updatedAt')
            if fields[1] then
              result[#result + 1] = id
              result[#result + 1] = fields[1]
              result[#result + 1] = fields[2]
              result[#result + 1] = fields[3]
              result[#result + 1] = fields[4]
            end
          end
        end
        return result
        """);

    /// <summary>
    /// Stores a computed change if the ticket's version is still the one it was computed from. Returns the
    /// new version, 0 when the version moved on (compute again), -1 when the ticket does not exist.
    /// The SLA sets and the breached index are set from the new state alone, so they follow it whatever the
    /// old state was.
    /// ARGV: prefix, id, expected version, ticket JSON, updatedAt, number, then old and new index names of
    /// department, status, priority and channel (ARGV[7..14]), the four SLA scores in <c>SlaDeadlineKind</c>
    /// order ('' when not live; ARGV[15..18]), breached ('1' or '0'), history count, the history JSON entries,
    /// outbox count, then per event: type, JSON.
    /// </summary>
    public static readonly RedisScript Update = new("update", AppendHistory + SlaSets + """
        local p = ARGV[1]
        local ticketKey = p .. 'ticket:' .. ARGV[2]
        local version = redis.call('HGET', ticketKey, 'version')
        if not version then
          return -1
        end
        if version ~= ARGV[3] then
          return 0
        end
        local newVersion = tonumber(version) + 1
        redis.call('HSET', ticketKey, 'json', ARGV[4], 'version', newVersion, 'updatedAt', ARGV[5])
        local n = ARGV[6]
        for i = 7, 13, 2 do
          if ARGV[i] ~= ARGV[i + 1] then
            redis.call('ZREM', p .. 'index:' .. ARGV[i], n)
            redis.call('ZADD', p .. 'index:' .. ARGV[i + 1], n, n)
          end
        end
        setSla(p, n, 15)
        setBreached(p, n, ARGV[19])
        local i = appendHistory(ticketKey, 20)
        for _ = 1, tonumber(ARGV[i]) do
          redis.call('XADD', p .. 'outbox', '*', 'type', ARGV[i + 1], 'event', ARGV[i + 2])
          i = i + 2
        end
        return newVersion
        """);

    /// <summary>
    /// The live SLA deadlines with a score at or before ARGV[2], earliest first across the four SLA sets, at
    /// most ARGV[3]: takes up to that many from each set and merges them (ties: set order, then as the set
    /// orders them). Returns a flat list of {id, kind (0-based index of the set), score} per deadline.
    /// ARGV: prefix, until (unix ms), count.
    /// </summary>
    public static readonly RedisScript Due = new("due", SlaSets + """
        local p = ARGV[1]
        local count = tonumber(ARGV[3])
        local lists, heads = {}, {}
        for k = 1, #slaSets do
          lists[k] = redis.call('ZRANGE', p .. slaSets[k], '-inf', ARGV[2], 'BYSCORE', 'LIMIT', 0, count, 'WITHSCORES')
          heads[k] = 1
        end
        local numbers = p .. 'numbers'
        local result = {}
        local found = 0
        while found < count do
          local best, bestScore = 0, 0
          for k = 1, #slaSets do
            local h = heads[k]
            if h < #lists[k] then
              local score = tonumber(lists[k][h + 1])
              if best == 0 or score < bestScore then
                best, bestScore = k, score
              end
            end
          end
          if best == 0 then
            break
          end
          local id = redis.call('HGET', numbers, lists[best][heads[best]])
          heads[best] = heads[best] + 2
          if id then
            result[#result + 1] = id
            result[#result + 1] = best - 1
            result[#result + 1] = bestScore
            found = found + 1
          end
        end
        return result
        """);
}
