-- get: reads one ticket with its history, by id or (id '') by number. Returns nil, or
-- {id, json, number, version, updatedAt, {history JSON...}}.
--
-- ARGV (GetScriptArgs):
--   1  prefix    the key prefix; every key is derived from it
--   2  id        '' to read by number
--   3  number    read when id is ''
local prefix = ARGV[1]
local id = ARGV[2]
local number = ARGV[3]

if id == '' then
  id = redis.call('HGET', prefix .. 'numbers', number)
  if not id then
    return nil
  end
end
local ticketKey = prefix .. 'ticket:' .. id
local fields = redis.call('HMGET', ticketKey, 'json', 'number', 'version', 'updatedAt')
if not fields[1] then
  return nil
end
return {id, fields[1], fields[2], fields[3], fields[4], redis.call('LRANGE', ticketKey .. ':history', 0, -1)}
