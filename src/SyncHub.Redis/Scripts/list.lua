-- list: one page, newest first. Walks the smallest of the filter indexes (or index:all when there is none) downward
-- from the cursor, checks the other filters with ZSCORE (a filter name starting with '!' must not hold the ticket),
-- and stops after limit + 1 matches or after examining scanLimit entries (then the cursor is the last number
-- examined). Returns {next ('' for none), then per ticket: id, json, number, version, updatedAt}.
-- Runs after ticket-record.lua and read-tickets.lua (appendTicket), which RedisScripts joins in front.
--
-- ARGV (ListScriptArgs):
--   1  prefix      the key prefix; every key is derived from it
--   2  before      the cursor: only numbers below it; '' for the first page
--   3  limit
--   4  scanLimit   the most index entries one call examines
--   5  filtersAt   the filter index names (after index:) to the end
local prefix = ARGV[1]
local before = ARGV[2]
local limit = tonumber(ARGV[3])
local scanLimit = tonumber(ARGV[4])
local filtersAt = 5

local primary = prefix .. 'index:all'
local others = {}
local excluded = {}
local best, bestCount = 0, -1
for i = filtersAt, #ARGV do
  if string.sub(ARGV[i], 1, 1) == '!' then
    excluded[#excluded + 1] = prefix .. 'index:' .. string.sub(ARGV[i], 2)
  else
    local c = redis.call('ZCARD', prefix .. 'index:' .. ARGV[i])
    if bestCount < 0 or c < bestCount then
      best, bestCount = i, c
    end
  end
end
if best > 0 then
  primary = prefix .. 'index:' .. ARGV[best]
end
for i = filtersAt, #ARGV do
  if i ~= best and string.sub(ARGV[i], 1, 1) ~= '!' then
    others[#others + 1] = prefix .. 'index:' .. ARGV[i]
  end
end
local batch = limit + 1
if #others > 0 or #excluded > 0 then
  batch = math.max(batch, 256)
end
local max = '+inf'
if before ~= '' then
  max = '(' .. before
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
    if scanned >= scanLimit then
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
for _, number in ipairs(found) do
  appendTicket(result, prefix, number)
end
return result
