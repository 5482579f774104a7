-- index-ops: a fragment, joined in front of create.lua, update.lua and merge.lua (see RedisScripts).
--
-- applyIndexOps(p, n, at): ARGV[at] is a count of operations that follow it, three arguments each (op, key, score),
-- applied to ticket number n (TicketMemberships writes them):
--   z+ key score   ZADD {p}key score n (score '' is n itself)
--   z- key         ZREM {p}key n
--   t+ token       SADD {p}w:token n, and the token into {p}vocab (score 0: a lexicographic vocabulary)
--   t- token       SREM {p}w:token n; the token leaves {p}vocab with its last ticket
-- Returns the position after them.
local function applyIndexOps(p, n, at)
  local count = tonumber(ARGV[at])
  local i = at + 1
  for _ = 1, count do
    local op, key, score = ARGV[i], ARGV[i + 1], ARGV[i + 2]
    if op == 'z+' then
      if score == '' then
        score = n
      end
      redis.call('ZADD', p .. key, score, n)
    elseif op == 'z-' then
      redis.call('ZREM', p .. key, n)
    elseif op == 't+' then
      if redis.call('SADD', p .. 'w:' .. key, n) == 1 and redis.call('SCARD', p .. 'w:' .. key) == 1 then
        redis.call('ZADD', p .. 'vocab', 0, key)
      end
    elseif op == 't-' then
      if redis.call('SREM', p .. 'w:' .. key, n) == 1 and redis.call('EXISTS', p .. 'w:' .. key) == 0 then
        redis.call('ZREM', p .. 'vocab', key)
      end
    end
    i = i + 3
  end
  return i
end
