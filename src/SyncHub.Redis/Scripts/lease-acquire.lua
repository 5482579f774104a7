-- lease-acquire: answers the token (a string) when the owner now holds the lease: a new, higher token from INCR when
-- the name was free (SET NX PX), or the owner's own token, with the expiry extended, when it held it already. Nil
-- while another owner holds it. A lease is {p}lease:{name} = {token}:{owner} with a millisecond expiry;
-- {p}lease-token:{name} counts the tokens given for the name and never expires.
--
-- ARGV (LeaseAcquireScriptArgs):
--   1  prefix   the key prefix; every key is derived from it
--   2  name     the lease name
--   3  owner
--   4  ttlMs
local prefix = ARGV[1]
local name = ARGV[2]
local owner = ARGV[3]
local ttlMs = ARGV[4]

local key = prefix .. 'lease:' .. name
local held = redis.call('GET', key)
if held then
  local sep = string.find(held, ':', 1, true)
  if sep and string.sub(held, sep + 1) == owner then
    redis.call('PEXPIRE', key, ttlMs)
    return string.sub(held, 1, sep - 1)
  end
  return false
end
local token = redis.call('INCR', prefix .. 'lease-token:' .. name)
redis.call('SET', key, token .. ':' .. owner, 'NX', 'PX', ttlMs)
return tostring(token)
