-- checkpoint-commit: writes the cursor to {p}checkpoints and the token to {p}checkpoint-tokens unless a higher token
-- was committed for the source before: 1 when written, else 0.
--
-- ARGV (CheckpointCommitScriptArgs):
--   1  prefix   the key prefix; every key is derived from it
--   2  source   the polling source name
--   3  cursor
--   4  token    the lease's fencing token
local prefix = ARGV[1]
local source = ARGV[2]
local cursor = ARGV[3]
local token = ARGV[4]

local tokens = prefix .. 'checkpoint-tokens'
local last = redis.call('HGET', tokens, source)
if last and tonumber(last) > tonumber(token) then
  return 0
end
redis.call('HSET', prefix .. 'checkpoints', source, cursor)
redis.call('HSET', tokens, source, token)
return 1
