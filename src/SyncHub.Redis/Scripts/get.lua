-- get: reads one ticket with its history, by id or (id '') by number. Returns nil, or
-- {id, json, number, version, updatedAt, {history elements...}}: the hash's 'history' field (a creation's entries,
-- create.lua) first when it has one, then the elements of its history list.
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
local fields = redis.call('HMGET', ticketKey, 'json', 'number', 'version', 'updatedAt', 'history')
if not fields[1] then
  return nil
end
local history = redis.call('LRANGE', ticketKey .. ':history', 0, -1)
if fields[5] then
  table.insert(history, 1, fields[5])
end
return {id, fields[1], fields[2], fields[3], fields[4], history}
