-- accounts-remove: removes accounts and contacts deleted in the CRM, each with its look-up keys (listed in its meta,
-- as accounts-upsert.lua writes them); an id that is not stored is skipped. Returns {accounts removed, contacts
-- removed, version, bumped}; the version is INCRed (bumped 1) as in accounts-upsert.lua when anything was removed.
-- Keys as in accounts-upsert.lua.
--
-- ARGV (AccountsRemoveScriptArgs):
--   1  prefix         the key prefix; every key is derived from it
--   2  accountCount
--   3  accountsAt     the account ids; then the contact count and the contact ids
local prefix = ARGV[1]
local accountCount = tonumber(ARGV[2])
local accountsAt = 3

local p = prefix .. 'accounts:'

-- Deletes the meta of record id from metas and drops the id from every look-up key it lists; false when not stored.
local function forget(metas, id)
  local meta = redis.call('HGET', metas, id)
  if not meta then
    return false
  end
  for _, k in ipairs(cjson.decode(meta).keys) do
    redis.call('ZREM', p .. k, id)
  end
  redis.call('HDEL', metas, id)
  return true
end

local accounts, contacts = 0, 0
local i = accountsAt
for _ = 1, accountCount do
  if forget(p .. 'account-meta', ARGV[i]) then
    accounts = accounts + 1
  end
  redis.call('HDEL', p .. 'account', ARGV[i])
  i = i + 1
end
local n = tonumber(ARGV[i])
i = i + 1
for _ = 1, n do
  if forget(p .. 'contact', ARGV[i]) then
    contacts = contacts + 1
  end
  i = i + 1
end
-- The directory's version: bumped when a record was removed, so every instance's mirror knows to reload.
local version
if accounts + contacts > 0 then
  version = redis.call('INCR', p .. 'version')
else
  version = tonumber(redis.call('GET', p .. 'version') or '0')
end
return {accounts, contacts, version, (accounts + contacts > 0) and 1 or 0}
