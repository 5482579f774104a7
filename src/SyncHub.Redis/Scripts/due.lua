-- due: the live SLA deadlines with a score at or before untilMs, earliest first across the four SLA sets, at most
-- count: takes up to that many from each set and merges them (ties: set order, then as the set orders them).
-- Returns a flat list of {id, kind (0-based index of the set), score} per deadline.
-- Runs after sla-sets.lua (slaSets), which RedisScripts joins in front.
--
-- ARGV (DueScriptArgs):
--   1  prefix    the key prefix; every key is derived from it
--   2  untilMs   unix milliseconds
--   3  count
local prefix = ARGV[1]
local untilMs = ARGV[2]
local count = tonumber(ARGV[3])

local lists, heads = {}, {}
for k = 1, #slaSets do
  lists[k] = redis.call('ZRANGE', prefix .. slaSets[k], '-inf', untilMs, 'BYSCORE', 'LIMIT', 0, count, 'WITHSCORES')
  heads[k] = 1
end
local numbers = prefix .. 'numbers'
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
