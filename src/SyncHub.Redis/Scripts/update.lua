-- update: stores a computed change if the ticket's version is still the one it was computed from. Returns the new
-- version, 0 when the version moved on (compute again), -1 when the ticket does not exist, -2 when the change's action
-- was already done.
-- The SLA sets and the breached index are set from the new state alone, so they follow it whatever the old state was.
-- Runs after ticket-record.lua (readTicket, writeTicket), append-history.lua (appendHistory), index-bitmaps.lua
-- (setIndexBit), sla-sets.lua (setSla, setBreached) and index-ops.lua, which RedisScripts joins in front.
--
-- ARGV (UpdateScriptArgs):
--   1  prefix                    the key prefix; every key is derived from it
--   2  id
--   3  expectedVersion           the version the change was computed from
--   4  ticketJson                the new ticket without number, version, updatedAt and history
--   5  updatedAt                 ISO 8601
--   6  number
--   7  oldDepartmentIndex        the old and new index names (after index:) of department, status, priority, channel
--   8  newDepartmentIndex
--   9  oldStatusIndex
--  10  newStatusIndex
--  11  oldPriorityIndex
--  12  newPriorityIndex
--  13  oldChannelIndex
--  14  newChannelIndex
--  15  firstResponseScore        the new SLA set scores, in the order of slaSets ('' when that deadline is not live)
--  16  resolutionScore
--  17  firstResponseAtRiskScore
--  18  resolutionAtRiskScore
--  19  breached                  '1' or '0'
--  20  actionKey                 the action the change carries out ('' for none): kept in {p}ticket:{id}:actions; a
--                                key already there means the action was done, and nothing is written (returns -2)
--  21  solvedScore               when the ticket was solved (epoch ms) while it is Solved, '' otherwise: kept in {p}solved
--  22  historyAt                 the history count, the history elements, the outbox count, then per event:
--                                type, JSON; then the index operations of the change (index-ops.lua: count, then op,
--                                key, score each; none when no search, sort or view set changes)
local prefix = ARGV[1]
local id = ARGV[2]
local expectedVersion = ARGV[3]
local ticketJson = ARGV[4]
local updatedAt = ARGV[5]
local number = ARGV[6]
local oldDepartmentIndex = ARGV[7]
local newDepartmentIndex = ARGV[8]
local oldStatusIndex = ARGV[9]
local newStatusIndex = ARGV[10]
local oldPriorityIndex = ARGV[11]
local newPriorityIndex = ARGV[12]
local oldChannelIndex = ARGV[13]
local newChannelIndex = ARGV[14]
local firstResponseScore = ARGV[15]
local resolutionScore = ARGV[16]
local firstResponseAtRiskScore = ARGV[17]
local resolutionAtRiskScore = ARGV[18]
local breached = ARGV[19]
local actionKey = ARGV[20]
local solvedScore = ARGV[21]
local historyAt = 22

local ticketKey = prefix .. 'ticket:' .. id
local record = readTicket(ticketKey)
if not record then
  return -1
end
local version = record.version
if actionKey ~= '' and redis.call('HEXISTS', ticketKey .. ':actions', actionKey) == 1 then
  return -2
end
if version ~= expectedVersion then
  return 0
end
local newVersion = tonumber(version) + 1
if actionKey ~= '' then
  redis.call('HSET', ticketKey .. ':actions', actionKey, newVersion)
end
record.json = ticketJson
record.version = newVersion
record.updatedAt = updatedAt
writeTicket(ticketKey, record)
local function moveIndex(from, to)
  if from ~= to then
    setIndexBit(prefix .. 'index:' .. from, number, '0')
    setIndexBit(prefix .. 'index:' .. to, number, '1')
  end
end
moveIndex(oldDepartmentIndex, newDepartmentIndex)
moveIndex(oldStatusIndex, newStatusIndex)
moveIndex(oldPriorityIndex, newPriorityIndex)
moveIndex(oldChannelIndex, newChannelIndex)
setSla(prefix, number, {firstResponseScore, resolutionScore, firstResponseAtRiskScore, resolutionAtRiskScore})
setBreached(prefix, number, breached)
if solvedScore ~= '' then
  redis.call('ZADD', prefix .. 'solved', solvedScore, number)
else
  redis.call('ZREM', prefix .. 'solved', number)
end
local i = appendHistory(ticketKey, historyAt)
for _ = 1, tonumber(ARGV[i]) do
  redis.call('XADD', prefix .. 'outbox', '*', 'type', ARGV[i + 1], 'event', ARGV[i + 2])
  i = i + 2
end
applyIndexOps(prefix, number, i + 1)
return newVersion
