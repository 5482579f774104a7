-- lease-renew: extends the lease if {p}lease:{name} still holds exactly holder: 1, else 0.
--
-- ARGV (LeaseRenewScriptArgs):
--   1  prefix   the key prefix; every key is derived from it
--   2  name     the lease name
--   3  holder   {token}:{owner}
--   4  ttlMs
local prefix = ARGV[1]
local name = ARGV[2]
local holder = ARGV[3]
local ttlMs = ARGV[4]

local key = prefix .. 'lease:' .. name
if redis.call('GET', key) == holder then
  redis.call('PEXPIRE', key, ttlMs)
  return 1
end
return 0
