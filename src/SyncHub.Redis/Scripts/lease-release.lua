-- lease-release: deletes the lease if {p}lease:{name} still holds exactly holder: 1, else 0.
--
-- ARGV (LeaseReleaseScriptArgs):
--   1  prefix   the key prefix; every key is derived from it
--   2  name     the lease name
--   3  holder   {token}:{owner}
local prefix = ARGV[1]
local name = ARGV[2]
local holder = ARGV[3]

local key = prefix .. 'lease:' .. name
if redis.call('GET', key) == holder then
  redis.call('DEL', key)
  return 1
end
return 0
