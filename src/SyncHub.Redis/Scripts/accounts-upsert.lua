-- accounts-upsert: upserts accounts and contacts; each record is skipped when the stored version is newer (by
-- modification time), else it replaces the stored one and moves its look-up keys (the old version's keys, listed in
-- its meta, are removed). Returns {accounts written, contacts written, version, bumped}: {prefix}accounts:version is
-- INCRed (bumped 1) when a record written differs from the stored one, so the mirror of each instance reloads; a
-- replayed page leaves it (bumped 0).
-- Keys are {prefix}accounts:...; a look-up key set (email:, contact-phone:, domain:, phone:) is a sorted set of record
-- ids scored by minus the record's modification time in microseconds (us): the first member is the most recently
-- modified record, ties in id order. Meta JSON is {"modified": us, "account": the contact's account id (contacts only),
-- "keys": [...]}.
--
-- ARGV (AccountsUpsertScriptArgs):
--   1  prefix         the key prefix; every key is derived from it
--   2  accountCount
--   3  accountsAt     per account: id, modified us, score (-modified us), account JSON, meta JSON, key count, keys;
--                     then the contact count and per contact: id, modified us, score, meta JSON, key count, keys
local prefix = ARGV[1]
local accountCount = tonumber(ARGV[2])
local accountsAt = 3

local p = prefix .. 'accounts:'

-- Stores the meta of record id unless a newer version is stored; ARGV[at] is its key count, the keys follow.
-- Returns whether it was written, whether the stored meta was the same, and the position after its keys.
local function replace(metas, id, modified, score, meta, at)
  local count = tonumber(ARGV[at])
  local old = redis.call('HGET', metas, id)
  local same = old == meta
  if old then
    local previous = cjson.decode(old)
    if previous.modified > modified then
      return false, false, at + count + 1
    end
    for _, k in ipairs(previous.keys) do
      redis.call('ZREM', p .. k, id)
    end
  end
  redis.call('HSET', metas, id, meta)
  for k = at + 1, at + count do
    redis.call('ZADD', p .. ARGV[k], score, id)
  end
  return true, same, at + count + 1
end

-- changed counts the records written that differ from what was stored (a replayed page changes nothing).
local accounts, contacts, changed = 0, 0, 0
local i = accountsAt
for _ = 1, accountCount do
  local written, same, after = replace(p .. 'account-meta', ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2], ARGV[i + 4], i + 5)
  if written then
    if not (same and redis.call('HGET', p .. 'account', ARGV[i]) == ARGV[i + 3]) then
      changed = changed + 1
    end
    redis.call('HSET', p .. 'account', ARGV[i], ARGV[i + 3])
    accounts = accounts + 1
  end
  i = after
end
local n = tonumber(ARGV[i])
i = i + 1
for _ = 1, n do
  local written, same, after = replace(p .. 'contact', ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2], ARGV[i + 3], i + 4)
  if written then
    if not same then
      changed = changed + 1
    end
    contacts = contacts + 1
  end
  i = after
end
-- The directory's version: bumped when a record changed, so every instance's mirror knows to reload.
local version
if changed > 0 then
  version = redis.call('INCR', p .. 'version')
else
  version = tonumber(redis.call('GET', p .. 'version') or '0')
end
return {accounts, contacts, version, changed > 0 and 1 or 0}
