-- accounts-find: the JSON of the account a requester belongs to, or nil: the account of the most recently modified
-- contact with that address whose account is stored, else the most recently modified account with the address's
-- domain, else the same two by phone (contacts first). Keys as in accounts-upsert.lua.
--
-- ARGV (AccountsFindScriptArgs):
--   1  prefix   the key prefix; every key is derived from it
--   2  email    '' for none
--   3  domain   '' for none
--   4  phone    E.164; '' for none
local prefix = ARGV[1]
local email = ARGV[2]
local domain = ARGV[3]
local phone = ARGV[4]

local p = prefix .. 'accounts:'
local accounts = p .. 'account'

local function ofContacts(key)
  for _, id in ipairs(redis.call('ZRANGE', p .. key, 0, -1)) do
    local meta = redis.call('HGET', p .. 'contact', id)
    if meta then
      local account = cjson.decode(meta).account
      if type(account) == 'string' then
        local json = redis.call('HGET', accounts, account)
        if json then
          return json
        end
      end
    end
  end
  return false
end

local function latest(key)
  local id = redis.call('ZRANGE', p .. key, 0, 0)[1]
  if id then
    return redis.call('HGET', accounts, id)
  end
  return false
end

return (email ~= '' and ofContacts('email:' .. email))
  or (domain ~= '' and latest('domain:' .. domain))
  or (phone ~= '' and (ofContacts('contact-phone:' .. phone) or latest('phone:' .. phone)))
  or false
