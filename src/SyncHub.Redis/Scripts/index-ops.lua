-- index-ops: a fragment, joined in front of create.lua, update.lua and merge.lua (see RedisScripts).
--
-- applyIndexOps(p, n, at): ARGV[at] is a count of operations that follow it, three arguments each (op, key, score),
-- applied to ticket number n (TicketMemberships writes them):
--   z+ key score   ZADD {p}key score n (score '' is n itself)
--   z- key         ZREM {p}key n
--   t+ token       n into {p}w:token, and the token into {p}vocab (score 0: a lexicographic vocabulary)
--   t- token       n out of {p}w:token; the token leaves {p}vocab with its last ticket
-- Returns the position after them.
--
-- Each sort zset {p}sort:{x} has a dense copy of its scores, {p}sort:{x}:at: a string of 64-bit signed integers, the
-- score of ticket n at the n-th (0: not in the zset), so search.lua reads the order of many tickets in one
-- BITFIELD_RO without a hash lookup per ticket (8 bytes per ticket number).
--
-- {p}w:token is a set of ticket numbers while the token is rare; once it holds bitmapFrom(p) tickets it becomes a
-- bitmap (a string, bit n set for ticket n) and stays one: a frequent token costs N/8 bytes instead of about 46 bytes
-- per ticket, and search.lua combines bitmaps with BITOP. The threshold is {p}search:bitmap-from (default 1024; tests
-- lower it), and never below a 256th of the tickets so far, where a bitmap is smaller than the set it replaces. A set
-- converts when it reaches the threshold; of the sets already past it (grown before bitmaps existed), one call
-- converts at most one, so their larger cost is spread over calls.
local function bitmapFrom(p)
  local from = tonumber(redis.call('GET', p .. 'search:bitmap-from') or '') or 1024
  return math.max(from, math.floor(redis.call('ZCARD', p .. 'index:all') / 256))
end

local function applyIndexOps(p, n, at)
  local count = tonumber(ARGV[at])
  local i = at + 1
  local threshold
  local converted = false
  for _ = 1, count do
    local op, key, score = ARGV[i], ARGV[i + 1], ARGV[i + 2]
    if op == 'z+' then
      if score == '' then
        score = n
      end
      redis.call('ZADD', p .. key, score, n)
      if string.sub(key, 1, 5) == 'sort:' then
        redis.call('BITFIELD', p .. key .. ':at', 'SET', 'i64', '#' .. n, score)
      end
    elseif op == 'z-' then
      redis.call('ZREM', p .. key, n)
      if string.sub(key, 1, 5) == 'sort:' then
        redis.call('BITFIELD', p .. key .. ':at', 'SET', 'i64', '#' .. n, 0)
      end
    elseif op == 't+' then
      local word = p .. 'w:' .. key
      if redis.call('TYPE', word).ok == 'string' then
        redis.call('SETBIT', word, n, 1)
      elseif redis.call('SADD', word, n) == 1 then
        local size = redis.call('SCARD', word)
        if size == 1 then
          redis.call('ZADD', p .. 'vocab', 0, key)
        end
        threshold = threshold or bitmapFrom(p)
        if size == threshold or (size > threshold and not converted) then
          converted = converted or size > threshold
          local members = redis.call('SMEMBERS', word)
          redis.call('DEL', word)
          for _, member in ipairs(members) do
            redis.call('SETBIT', word, member, 1)
          end
        end
      end
    elseif op == 't-' then
      local word = p .. 'w:' .. key
      if redis.call('TYPE', word).ok == 'string' then
        if redis.call('SETBIT', word, n, 0) == 1 and redis.call('BITPOS', word, 1) == -1 then
          redis.call('DEL', word)
          redis.call('ZREM', p .. 'vocab', key)
        end
      elseif redis.call('SREM', word, n) == 1 and redis.call('EXISTS', word) == 0 then
        redis.call('ZREM', p .. 'vocab', key)
      end
    end
    i = i + 3
  end
  return i
end
