-- list: one page, newest first. Walks the smallest of the filter indexes (by BITCOUNT; index:all when there is none)
-- downward from the cursor (descendingBits: the bitmap read backwards in chunks), checks the other filters with GETBIT
-- (a filter name starting with '!' must not hold the ticket), and stops after limit + 1 matches or after examining
-- scanLimit entries (then the cursor is the last number examined). Returns {next ('' for none), then per ticket: id,
-- json, number, version, updatedAt}.
-- Runs after ticket-record.lua, read-tickets.lua (appendTicket) and index-bitmaps.lua (indexBits, descendingBits),
-- which RedisScripts joins in front.
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
    indexBits('STRLEN', excluded[#excluded]) -- converts a sorted set an earlier version wrote (GETBIT below is plain)
  else
    local c = indexBits('BITCOUNT', prefix .. 'index:' .. ARGV[i])
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
-- Whether ticket n is in every other filter and in no excluded one.
local function matches(n)
  for _, other in ipairs(others) do
    if redis.call('GETBIT', other, n) == 0 then
      return false
    end
  end
  for _, other in ipairs(excluded) do
    if redis.call('GETBIT', other, n) == 1 then
      return false
    end
  end
  return true
end
local nextBit = descendingBits(primary, tonumber(before))
local found = {}
local next = ''
local scanned = 0
while true do
  local member = nextBit()
  if member == nil then
    break
  end
  if matches(member) then
    if #found == limit then
      next = tostring(found[limit])
      break
    end
    found[#found + 1] = member
  end
  scanned = scanned + 1
  if scanned >= scanLimit then
    next = tostring(member)
    break
  end
end
local result = {next}
for _, number in ipairs(found) do
  appendTicket(result, prefix, tostring(number))
end
return result
