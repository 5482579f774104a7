-- merge: merges the duplicate ticket into the survivor if both are still at the versions the merge was computed from.
-- Writes both tickets, replaces the survivor's history by the merged one and the duplicate's by its merge line, points
-- the duplicate's idempotency fields and thread keys to the survivor, marks the duplicate merged (the 'merged' field
-- of its hash, which create.lua follows) and applies both tickets' index operations (which take the duplicate out of
-- the search index and the views). Returns 1, 0 when a version moved on (compute again), -1 when a ticket does not
-- exist, -2 when the merge's action key was done.
-- Runs after ticket-record.lua (readTicket, writeTicket), index-bitmaps.lua and index-ops.lua (applyIndexOps), which
-- RedisScripts joins in front.
--
-- ARGV (MergeScriptArgs):
--   1  prefix               the key prefix; every key is derived from it
--   2  duplicateId
--   3  duplicateVersion     the version the merge was computed from
--   4  duplicateJson        the new duplicate without number, version, updatedAt and history
--   5  duplicateUpdatedAt   ISO 8601
--   6  duplicateNumber
--   7  survivorId
--   8  survivorVersion
--   9  survivorJson
--  10  survivorUpdatedAt
--  11  survivorNumber
--  12  actionKey            '' for none; kept in {p}ticket:{survivorId}:actions as 'merge:' .. key
--  13  listsAt              the duplicate's new history (count, entries), the survivor's new history (count,
--                           entries), the idempotency fields (count, fields), the thread keys (count, keys), then the
--                           duplicate's index operations and the survivor's (index-ops.lua)
local prefix = ARGV[1]
local duplicateId = ARGV[2]
local duplicateVersion = ARGV[3]
local duplicateJson = ARGV[4]
local duplicateUpdatedAt = ARGV[5]
local duplicateNumber = ARGV[6]
local survivorId = ARGV[7]
local survivorVersion = ARGV[8]
local survivorJson = ARGV[9]
local survivorUpdatedAt = ARGV[10]
local survivorNumber = ARGV[11]
local actionKey = ARGV[12]
local listsAt = 13

local duplicateKey = prefix .. 'ticket:' .. duplicateId
local survivorKey = prefix .. 'ticket:' .. survivorId
local duplicate = readTicket(duplicateKey)
local survivor = readTicket(survivorKey)
if not duplicate or not survivor then
  return -1
end
local dv, sv = duplicate.version, survivor.version
if actionKey ~= '' and redis.call('HEXISTS', survivorKey .. ':actions', 'merge:' .. actionKey) == 1 then
  return -2
end
if dv ~= duplicateVersion or sv ~= survivorVersion then
  return 0
end
if actionKey ~= '' then
  redis.call('HSET', survivorKey .. ':actions', 'merge:' .. actionKey, tonumber(sv) + 1)
end
-- The lists get the whole histories (replaceList below): the tickets' own history elements are among them.
writeTicket(duplicateKey, {number = duplicate.number, version = tonumber(dv) + 1, updatedAt = duplicateUpdatedAt,
  merged = survivorId, json = duplicateJson})
writeTicket(survivorKey, {number = survivor.number, version = tonumber(sv) + 1, updatedAt = survivorUpdatedAt,
  merged = survivor.merged, json = survivorJson})

local i = listsAt
local function replaceList(key)
  local count = tonumber(ARGV[i])
  redis.call('DEL', key)
  local at = i + 1
  while at <= i + count do
    local upTo = math.min(i + count, at + 999)
    redis.call('RPUSH', key, unpack(ARGV, at, upTo))
    at = upTo + 1
  end
  i = i + count + 1
end
replaceList(duplicateKey .. ':history')
replaceList(survivorKey .. ':history')
-- Points the fields of hash listed next (a count, then the fields) that name the duplicate to the survivor.
local function repoint(hash)
  local count = tonumber(ARGV[i])
  for at = i + 1, i + count do
    if redis.call('HGET', hash, ARGV[at]) == duplicateId then
      redis.call('HSET', hash, ARGV[at], survivorId)
    end
  end
  i = i + count + 1
end
repoint(prefix .. 'idempotency')
repoint(prefix .. 'threads')
i = applyIndexOps(prefix, duplicateNumber, i)
applyIndexOps(prefix, survivorNumber, i)
return 1
